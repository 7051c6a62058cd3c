package dev.instanceha.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void encodesLikePythonSortedDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("res_b", "lsb:haproxy");
        m.put("res_a", List.of("x", "y"));
        // Python: json.dumps({"res_b": "lsb:haproxy", "res_a": ["x", "y"]}, sort_keys=True)
        assertEquals("{\"res_a\": [\"x\", \"y\"], \"res_b\": \"lsb:haproxy\"}", Json.encode(m));
    }

    @Test
    void escapesNonAsciiAndQuotesLikePython() {
        assertEquals("\"caf\\u00E9 \\\"q\\\"\"", Json.encode("café \"q\"").replace("\\u00e9", "\\u00E9"));
        assertEquals("null", Json.encode(null));
        assertEquals("true", Json.encode(true));
        assertEquals("[]", Json.encode(List.of()));
        assertEquals("{}", Json.encode(Map.of()));
    }

    @Test
    void strictParserRejectsTruncatedAndTrailingGarbage() {
        assertTrue(Json.STRICT.parse("{\"a\": 1}").isPresent());
        assertFalse(Json.STRICT.parse("{\"a\": 1").isPresent());
        assertFalse(Json.STRICT.parse("{\"a\": 1} x").isPresent());
        assertFalse(Json.STRICT.parse("{'a': 'b'}").isPresent());
        assertFalse(Json.STRICT.parse("").isPresent());
        assertFalse(Json.STRICT.parse(null).isPresent());
    }

    @Test
    void lenientParserTakesPythonQuoting() {
        assertEquals(
                "lsb:haproxy",
                Json.LENIENT
                        .parse("{'res_ks_haproxy': 'lsb:haproxy'}")
                        .orElseThrow()
                        .get("res_ks_haproxy")
                        .asText());
    }

    @Test
    void deeplyNestedInputIsRejectedNotThrown() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertFalse(Json.STRICT.parse(deep).isPresent());
    }
}
