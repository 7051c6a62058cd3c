package dev.instanceha.ops.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The unit's configuration: Juju's values over config.yaml's defaults, with typed getters whose
 * errors name the key. Charms usually read it once into a record with {@link #as(Class)}.
 */
public final class CharmConfig {
    private final ConfigSchema schema;
    private final Map<String, Object> values;
    private final java.util.function.Consumer<String> secrets;

    public CharmConfig(ConfigSchema schema, Map<String, Object> jujuValues) {
        this(schema, jujuValues, secret -> { });
    }

    /** @param secrets where the values of {@link Secret} components bound by {@link #as} are registered */
    public CharmConfig(ConfigSchema schema, Map<String, Object> jujuValues, java.util.function.Consumer<String> secrets) {
        this.schema = schema;
        this.secrets = secrets;
        Map<String, Object> merged = new LinkedHashMap<>();
        schema.options().forEach((name, option) -> {
            if (option.defaultValue() != null) {
                merged.put(name, option.defaultValue());
            }
        });
        jujuValues.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        this.values = Collections.unmodifiableMap(merged);
    }

    public Map<String, Object> values() {
        return values;
    }

    public ConfigSchema schema() {
        return schema;
    }

    /** A string option; empty strings count as unset, as Juju users expect of "". */
    public Optional<String> string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String requireString(String key) {
        return string(key).orElseThrow(() -> new ConfigException(key, "is required: set it with `juju config <app> "
                + key + "=<value>`"));
    }

    public boolean bool(String key) {
        Object value = values.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(key, "must be true or false, not " + describe(key, value));
    }

    /**
     * A whole-number option. Juju's JSON may carry any size or a fraction: a value that is not a
     * whole number or does not fit 64 bits is a {@link ConfigException} naming the key, never
     * rounded or wrapped.
     */
    public long integer(String key) {
        Object value = values.get(key);
        OptionalLong exact = exactLong(value);
        if (exact.isPresent()) {
            return exact.getAsLong();
        }
        if (isWholeNumber(value)) {
            throw new ConfigException(key, "is out of range: " + describe(key, value) + " does not fit 64 bits");
        }
        throw new ConfigException(key, "must be a whole number, not " + describe(key, value));
    }

    /** A whole-number option within [min, max]; the message names the key and the range. */
    public long integer(String key, long min, long max) {
        long value = integer(key);
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /**
     * A whole-number option within [min, max] as an {@code int}: the range check comes before the
     * narrowing, so 4294967297 is refused instead of becoming 1.
     */
    public int integer(String key, int min, int max) {
        return (int) integer(key, (long) min, (long) max);
    }

    private static OptionalLong exactLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return OptionalLong.of(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            try {
                return OptionalLong.of(toBigDecimal(n).longValueExact());
            } catch (ArithmeticException | NumberFormatException notExact) {
                return OptionalLong.empty();
            }
        }
        if (value instanceof String s) {
            try {
                return OptionalLong.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException notALong) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** A number with no fraction (of whatever size): out of range rather than not a number. */
    private static boolean isWholeNumber(Object value) {
        try {
            if (value instanceof String s) {
                new BigInteger(s.strip());
                return true;
            }
            return value instanceof Number n && toBigDecimal(n).stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Exact for every Number Jackson or SnakeYAML produce; NaN and infinities throw NumberFormatException. */
    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal decimal) {
            return decimal;
        }
        if (n instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    public double number(String key) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException ignored) {
                // reported below with the key
            }
        }
        throw new ConfigException(key, "must be a number, not " + describe(key, value));
    }

    /**
     * Binds the whole config to a record or class (keys matched through {@code @JsonProperty} or
     * the component name). Type errors come back as a {@link ConfigException} naming the key;
     * {@link Secret} components are registered with the redactor.
     */
    public <T> T as(Class<T> type) {
        return RecordBinding.bind(values, type, ConfigException::new, secrets);
    }

    private static String describe(String key, Object value) {
        return dev.instanceha.ops.log.Shown.value(key, value); // never echoes a secret into a status line
    }
}
