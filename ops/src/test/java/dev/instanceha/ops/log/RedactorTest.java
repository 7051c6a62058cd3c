package dev.instanceha.ops.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @ValueSource(strings = {"password=hunter22", "service_password: hunter22", "\"password\": \"hunter22\"",
        "pacemaker-key=hunter22", "maas_api_key = hunter22", "admin_token=hunter22", "ssl_key='hunter22'",
        "transport_url = rabbit://masakari:hunter22@10.0.0.5:5672/masakari", "secret=hunter22,other=1"})
    void secretValuesAreMasked(String line) {
        String out = redactor.redact(line);
        assertFalse(out.contains("hunter22"), out);
        assertTrue(out.contains(Redactor.MASK), out);
    }

    @Test
    void keepsTheRestOfTheLine() {
        assertEquals("user=masakari password=*** host=10.0.0.5",
                redactor.redact("user=masakari password=hunter22 host=10.0.0.5"));
        assertEquals("{\"password\": \"***\", \"hostname\": \"db\"}",
                redactor.redact("{\"password\": \"hunter22\", \"hostname\": \"db\"}"));
        assertEquals("region=RegionOne", redactor.redact("region=RegionOne"));
    }

    @Test
    void registeredSecretsAreMaskedAnywhere() {
        redactor.registerSecret("Zm9vYmFyYmF6");
        assertEquals("reading *** from relation", redactor.redact("reading Zm9vYmFyYmF6 from relation"));
        redactor.registerSecret("ab");
        assertEquals("ab cd", redactor.redact("ab cd"), "too short to mask safely");
    }

    @Test
    void secretKeyNames() {
        assertTrue(Redactor.isSecretKey("password"));
        assertTrue(Redactor.isSecretKey("maas-api-key"));
        assertTrue(Redactor.isSecretKey("pacemaker-key"));
        assertTrue(Redactor.isSecretKey("ssl_key"));
        assertTrue(Redactor.isSecretKey("service_password"));
        assertFalse(Redactor.isSecretKey("region"));
        assertFalse(Redactor.isSecretKey("keystone-host"));
        assertFalse(Redactor.isSecretKey("monkey-business"));
    }
}
