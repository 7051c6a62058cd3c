package dev.instanceha.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

    @Test
    void nullMarkerBlankAndAbsentAllMeanUnset() {
        FieldReader r = new FieldReader("x/0", Map.of("a", "__null__", "b", "  ", "c", "v"));
        assertFalse(r.has("a"));
        assertFalse(r.has("b"));
        assertFalse(r.has("missing"));
        assertTrue(r.has("c"));
        assertTrue(r.ok());
    }

    @Test
    void requiredReportsMissingKeyByName() {
        FieldReader r = new FieldReader("keystone/1", Map.of());
        r.requiredText("service_password");
        r.requiredPort("service_port");
        assertEquals("keystone/1: missing 'service_password', missing 'service_port'", r.summary());
    }

    @Test
    void problemsNeverEchoTheValue() {
        String secret = "s3cret\nwith-newline";
        FieldReader r = new FieldReader("u/0", Map.of("password", secret));
        r.requiredText("password");
        assertFalse(r.ok());
        assertTrue(r.summary().contains("'password'"));
        assertFalse(r.summary().contains("s3cret"));
    }

    @Test
    void base64PemAcceptsEncodedAndRawPem() {
        FieldReader r = new FieldReader(
                "u/0",
                Map.of(
                        "enc",
                        Fixtures.base64(Fixtures.CERT_PEM),
                        "raw",
                        Fixtures.CERT_PEM,
                        "bad",
                        "%%%",
                        "notpem",
                        Fixtures.base64("hello")));
        assertEquals(Fixtures.CERT_PEM, r.base64Pem("enc").orElseThrow());
        assertEquals(Fixtures.CERT_PEM, r.base64Pem("raw").orElseThrow());
        assertTrue(r.ok());
        assertTrue(r.base64Pem("bad").isEmpty());
        assertTrue(r.base64Pem("notpem").isEmpty());
        assertEquals("u/0: 'bad' is not valid base64, 'notpem' is not PEM", r.summary());
    }

    @Test
    void flagsAcceptOpenStackTruthyStrings() {
        FieldReader r = new FieldReader("u/0", Map.of("a", "True", "b", "yes", "c", "false", "d", "1"));
        assertTrue(r.flag("a"));
        assertTrue(r.flag("b"));
        assertFalse(r.flag("c"));
        assertFalse(r.flag("d"));
        assertFalse(r.flag("absent"));
    }

    @Test
    void unitSelectionCapsTheNumberOfReasons() {
        var units = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new RemoteUnit(null, "k/" + i, Map.<String, String>of()))
                .toList();
        Completeness<String> result =
                UnitSelection.firstComplete("ep", units, u -> Completeness.incomplete(u.unit() + ": missing 'x'"));
        assertEquals(
                "ep: k/0: missing 'x'; k/1: missing 'x'; k/2: missing 'x'; and 2 more unit(s)",
                result.reason().orElseThrow());
    }
}
