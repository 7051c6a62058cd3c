package dev.instanceha.ops.charm;

import dev.instanceha.ops.log.Shown;
import dev.instanceha.ops.model.DeclarationFiles;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What actions.yaml declares for each action's parameters (type, enum, minimum, maximum,
 * required), checked before the action runs: a parameter of the wrong type fails the action
 * with a message naming it instead of reaching the charm's code as a string it cannot parse.
 */
record ActionSchema(Map<String, ActionSpec> actions) {
    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ARRAY,
        OBJECT,
        ANY
    }

    public record Param(String name, Type type, List<Object> allowed, BigDecimal minimum, BigDecimal maximum) {}

    public record ActionSpec(Map<String, Param> params, List<String> required) {}

    public static ActionSchema empty() {
        return new ActionSchema(Map.of());
    }

    /** Reads {@code actions.yaml} (or its packed JSON); a missing file declares nothing, so nothing is checked. */
    public static ActionSchema load(Path actionsYaml) {
        Map<String, ActionSpec> actions = new LinkedHashMap<>();
        DeclarationFiles.readMap(actionsYaml).forEach((name, body) -> {
            Map<?, ?> spec = body instanceof Map<?, ?> m ? m : Map.of();
            Map<String, Param> params = new LinkedHashMap<>();
            if (spec.get("params") instanceof Map<?, ?> declared) {
                declared.forEach((param, paramSpec) -> params.put(
                        String.valueOf(param),
                        param(String.valueOf(param), paramSpec instanceof Map<?, ?> p ? p : Map.of())));
            }
            List<String> required = spec.get("required") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of();
            actions.put(name, new ActionSpec(params, required));
        });
        return new ActionSchema(actions);
    }

    private static Param param(String name, Map<?, ?> spec) {
        Type type = switch (String.valueOf(spec.get("type")).toLowerCase(Locale.ROOT)) {
            case "string" -> Type.STRING;
            case "integer" -> Type.INTEGER;
            case "number" -> Type.NUMBER;
            case "boolean" -> Type.BOOLEAN;
            case "array" -> Type.ARRAY;
            case "object" -> Type.OBJECT;
            default -> Type.ANY;
        };
        List<Object> allowed = spec.get("enum") instanceof List<?> values ? List.copyOf(values) : List.of();
        return new Param(
                name,
                type,
                allowed,
                decimal(spec.get("minimum")).orElse(null),
                decimal(spec.get("maximum")).orElse(null));
    }

    /**
     * The parameters as the action may use them: integers as {@link Long}, numbers as
     * {@link Double}, booleans as {@link Boolean}. Throws {@link ActionFailedException} naming the
     * first parameter that is missing or does not fit its declaration.
     */
    public Map<String, Object> check(String action, Map<String, Object> given) {
        ActionSpec spec = actions.get(action);
        if (spec == null) {
            return given;
        }
        for (String required : spec.required()) {
            Object value = given.get(required);
            if (value == null || value instanceof String s && s.isBlank()) {
                throw new ActionFailedException("parameter '" + required + "' is required");
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>(given);
        for (Param param : spec.params().values()) {
            Object value = given.get(param.name());
            if (value != null) {
                checked.put(param.name(), checkOne(param, value));
            }
        }
        return checked;
    }

    private static Object checkOne(Param param, Object value) {
        Object typed = switch (param.type()) {
            // Strict as Juju's schema check: `name=42` on the CLI is the integer 42, which Juju refuses for a string.
            case STRING -> value instanceof String ? value : null;
            case INTEGER -> wholeNumber(value).map(Object.class::cast).orElse(null);
            case NUMBER ->
                decimal(value)
                        .map(BigDecimal::doubleValue)
                        .filter(Double::isFinite)
                        .map(Object.class::cast)
                        .orElse(null);
            case BOOLEAN ->
                value instanceof Boolean b
                        ? b
                        : "true".equalsIgnoreCase(String.valueOf(value))
                                ? Boolean.TRUE
                                : "false".equalsIgnoreCase(String.valueOf(value)) ? Boolean.FALSE : null;
            case ARRAY -> value instanceof List<?> ? value : null;
            case OBJECT -> value instanceof Map<?, ?> ? value : null;
            case ANY -> value;
        };
        if (typed == null) {
            throw fail(param, "must be " + describe(param.type()) + ", not " + echo(param, value));
        }
        if (!param.allowed().isEmpty()
                && param.allowed().stream().noneMatch(a -> String.valueOf(a).equals(String.valueOf(typed)))) {
            throw fail(
                    param,
                    "must be one of "
                            + String.join(
                                    ", ",
                                    param.allowed().stream()
                                            .map(String::valueOf)
                                            .toList()) + ", not " + echo(param, value));
        }
        Optional<BigDecimal> number = typed instanceof Number ? decimal(typed) : Optional.empty();
        if (number.isPresent() && param.minimum() != null && number.get().compareTo(param.minimum()) < 0) {
            throw fail(param, "must be at least " + param.minimum().toPlainString() + ", not " + echo(param, value));
        }
        if (number.isPresent() && param.maximum() != null && number.get().compareTo(param.maximum()) > 0) {
            throw fail(param, "must be at most " + param.maximum().toPlainString() + ", not " + echo(param, value));
        }
        return typed;
    }

    /** A whole number that fits 64 bits, from a JSON number or its text; "1.5", "abc", 2^64 are not. */
    static Optional<Long> wholeNumber(Object value) {
        if (value instanceof Boolean) {
            return Optional.empty();
        }
        Optional<BigDecimal> decimal = decimal(value).map(BigDecimal::stripTrailingZeros);
        // Size checks first: "1e999999999" must not become a billion-digit integer.
        if (decimal.isEmpty()
                || decimal.get().scale() > 0
                || decimal.get().precision() - decimal.get().scale() > 19) {
            return Optional.empty();
        }
        BigInteger whole = decimal.get().toBigInteger();
        return whole.bitLength() < 64 ? Optional.of(whole.longValue()) : Optional.empty();
    }

    private static Optional<BigDecimal> decimal(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Map<?, ?> || value instanceof List<?>) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    value instanceof BigDecimal d
                            ? d
                            : new BigDecimal(String.valueOf(value).strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty(); // includes NaN and Infinity
        }
    }

    private static String describe(Type type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "a map";
            case ANY -> "a value";
        };
    }

    /** The given value for the message: never a secret's, and never more than a few dozen characters. */
    private static String echo(Param param, Object value) {
        return Shown.value(param.name(), value);
    }

    private static ActionFailedException fail(Param param, String problem) {
        return new ActionFailedException("parameter '" + param.name() + "' " + problem);
    }
}
