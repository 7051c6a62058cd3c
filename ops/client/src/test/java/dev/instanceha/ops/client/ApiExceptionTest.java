package dev.instanceha.ops.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
    private static final URI URL = URI.create("https://admin:hunter2@m:15868/v1/p/segments?token=abc123&limit=5");

    @Test
    void theUrlLosesUserInfoAndQuery() {
        ApiException e = ApiException.status("Masakari", "GET", URL, 500, "");
        assertEquals("https://m:15868/v1/p/segments", e.url());
        assertEquals("Masakari GET https://m:15868/v1/p/segments answered HTTP 500", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
        assertFalse(e.getMessage().contains("abc123"));
    }

    @Test
    void anOpenStackFaultGivesItsMessage() {
        ApiException e = ApiException.status(
                "Masakari",
                "POST",
                URL,
                409,
                "{\"conflict\": {\"message\": \"Host compute-1 already exists\", \"code\": 409}}");
        assertEquals(409, e.status());
        assertEquals("Host compute-1 already exists", e.bodyExcerpt());
        assertTrue(e.getMessage().endsWith("answered HTTP 409: Host compute-1 already exists"), e.getMessage());
    }

    @Test
    void secretFieldsInTheBodyAreMaskedAndLongBodiesCut() {
        ApiException e = ApiException.status(
                "Keystone",
                "POST",
                URL,
                400,
                "{\"auth\": {\"password\": \"s3cr\\\"et\", \"X-Subject-Token\": \"gAAAA\", \"api_key\": \"k\"},\n \"n\": 1}");
        assertEquals(
                "{\"auth\": {\"password\": \"***\", \"X-Subject-Token\": \"***\", \"api_key\": \"***\"}, \"n\": 1}",
                e.bodyExcerpt());
        String excerpt = ApiException.status("Masakari", "GET", URL, 502, "<html>" + "x".repeat(1000) + "</html>")
                .bodyExcerpt();
        assertTrue(excerpt.startsWith("<html>xxx") && excerpt.endsWith("… (1013 chars)"), excerpt);
        assertTrue(excerpt.length() < 230, excerpt);
    }

    @Test
    void unreachableIsStatusZeroWithTheCause() {
        ApiException e = ApiException.unreachable("Keystone", "POST", URL, new ConnectException("Connection refused"));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("cannot be reached (ConnectException Connection refused)"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
