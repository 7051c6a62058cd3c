package dev.instanceha.ops.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The one way config and action parameters become a record: keys matched through
 * {@code @JsonProperty} or the component name, and every error turned into "key: problem" for the
 * caller's exception (a blocked status for config, a failed action for parameters). A record's
 * constructor may validate by throwing the caller's exception; it arrives unchanged. A component of
 * type {@link Secret} is bound from the (stripped) text and registered with the redactor at once.
 */
public final class RecordBinding {
    /** Where a binding's {@link Secret} values go: a deserialization attribute, so one mapper serves every call. */
    private static final Object SECRET_SINK = new Object();

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .registerModule(new SimpleModule().addDeserializer(Secret.class, new SecretDeserializer()));

    static {
        // Jackson reads 1 as true: a number given for a boolean is a mistake to name, not to guess.
        JSON.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    private RecordBinding() {}

    /**
     * @param error builds the caller's exception from the key and the problem ("must be a whole number, not …")
     */
    public static <T, E extends RuntimeException> T bind(
            Map<String, ?> values, Class<T> type, BiFunction<String, String, E> error) {
        return bind(values, type, error, secret -> {});
    }

    /** @param secrets registers the value of every {@link Secret} component with the redactor */
    public static <T, E extends RuntimeException> T bind(
            Map<String, ?> values, Class<T> type, BiFunction<String, String, E> error, Consumer<String> secrets) {
        try {
            JsonNode tree = JSON.valueToTree(values);
            return JSON.readerFor(type).withAttribute(SECRET_SINK, secrets).readValue(tree);
        } catch (IllegalArgumentException e) {
            throw translate(e, values, error);
        } catch (IOException e) {
            // The same exception convertValue would wrap: translate reads its cause.
            throw translate(new IllegalArgumentException(e.getMessage(), e), values, error);
        }
    }

    /** Text to {@link Secret}; blank text is no secret at all (an unset option), as for other strings. */
    private static final class SecretDeserializer extends JsonDeserializer<Secret> {
        @Override
        @SuppressWarnings("unchecked")
        public Secret deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = context.readValue(parser, String.class);
            if (text == null || text.isBlank()) {
                return null;
            }
            String value = text.strip();
            Object sink = context.getAttribute(SECRET_SINK);
            if (sink != null) {
                ((Consumer<String>) sink).accept(value);
            }
            return Secret.of(value);
        }
    }

    private static <E extends RuntimeException> RuntimeException translate(
            IllegalArgumentException e, Map<String, ?> values, BiFunction<String, String, E> error) {
        // A constructor that validates arrives wrapped by Jackson: pass its own exception on.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof StatusException || t instanceof dev.instanceha.ops.charm.ActionFailedException) {
                return (RuntimeException) t;
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String key = mismatch.getPath().get(0).getFieldName();
            if (cause instanceof UnrecognizedPropertyException) {
                return error.apply(key, "is not an option of this charm");
            }
            String expected =
                    mismatch.getTargetType() == null ? "another type" : friendlyType(mismatch.getTargetType());
            Object value = cause instanceof InvalidFormatException invalid ? invalid.getValue() : values.get(key);
            return error.apply(key, "must be " + expected + ", not " + dev.instanceha.ops.log.Shown.value(key, value));
        }
        // A number too large for its field (Jackson refuses rather than wraps): name the key.
        if (cause instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            String key = mapping.getPath().get(0).getFieldName();
            String problem = mapping.getCause() instanceof InputCoercionException
                    ? "is out of range: " + dev.instanceha.ops.log.Shown.value(key, values.get(key))
                            + " does not fit this option"
                    : "cannot be read: " + dev.instanceha.ops.log.Shown.value(key, values.get(key));
            return error.apply(key, problem);
        }
        return error.apply("?", "cannot be read: " + e.getMessage().split("\n")[0]);
    }

    private static String friendlyType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
