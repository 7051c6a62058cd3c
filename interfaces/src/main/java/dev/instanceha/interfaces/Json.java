package dev.instanceha.interfaces;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON on the wire. We write the layout of Python's {@code json.dumps(v, sort_keys=True)} (", " and
 * ": " separators, sorted keys, non-ASCII escaped) so a swap from the Python charm to ours publishes
 * identical values and does not wake the peer with a spurious relation-changed.
 */
public final class Json {
    /** Parses strict JSON; a document with trailing garbage is malformed. */
    public static final Parser STRICT = new Parser(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());
    /** Also accepts single-quoted strings: the Python-literal form of legacy hacluster keys. */
    public static final Parser LENIENT = new Parser(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build());

    private static final ObjectWriter PYTHON_STYLE = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build()
            .writer(new PythonSeparators());

    private Json() {}

    /** Encodes maps, lists, strings, booleans and null as Python's sorted json.dumps would. */
    public static String encode(Object value) {
        try {
            return PYTHON_STYLE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only our own records of strings, lists and maps are encoded: a failure is a bug here.
            throw new UncheckedIOException(e);
        }
    }

    /** A parser that reports failure as an empty result, never as an exception. */
    public static final class Parser {
        private final JsonMapper mapper;

        Parser(JsonMapper mapper) {
            this.mapper = mapper;
        }

        public Optional<JsonNode> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(mapper.readTree(text)).filter(n -> !n.isMissingNode());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
