package dev.instanceha.stonith;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MAAS answers read with Jackson's streaming parser into plain maps, lists and strings. The agent
 * reads a handful of fields; jackson-databind's ObjectMapper would add some 300 classes (and the
 * locale data its date format pulls in) to every fencing call's start-up.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /**
     * @return a {@code Map<String, Object>}, a {@code List<Object>}, a String (numbers and booleans
     *         as their text) or null
     */
    static Object parse(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the JSON value");
            }
            return value;
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return parser.getText();
            }
        }
    }

    /** The text of {@code field} when {@code node} is an object holding a scalar there, else null. */
    static String text(Object node, String field) {
        if (node instanceof Map<?, ?> object && object.get(field) instanceof String value) {
            return value;
        }
        return null;
    }

    static String text(Object node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }
}
