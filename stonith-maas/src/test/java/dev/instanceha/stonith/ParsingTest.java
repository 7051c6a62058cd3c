package dev.instanceha.stonith;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter parsing, host mapping, URL rules, redaction and metadata shape. */
class ParsingTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics diagnostics = new Diagnostics(new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void apiRootFollowsLibmaasRule() throws Exception {
        assertEquals("http://maas:5240/MAAS/api/2.0/", ConfigReader.apiRoot("http://maas:5240/MAAS").toString());
        assertEquals("http://maas:5240/MAAS/api/2.0/", ConfigReader.apiRoot("http://maas:5240/MAAS/").toString());
        assertEquals("https://maas/MAAS/api/2.0/", ConfigReader.apiRoot("https://maas/MAAS/api/2.0").toString());
        assertEquals("http://maas/api/2.0/", ConfigReader.apiRoot("http://maas").toString());
        assertThrows(BadParameterException.class, () -> ConfigReader.apiRoot("maas:5240"));
        assertThrows(BadParameterException.class, () -> ConfigReader.apiRoot("file:///etc/passwd"));
    }

    @Test
    void hostMapLikePcmkHostMap() throws Exception {
        HostMap map = HostMap.parse("Compute-1.cloud:node-a; compute-2=node-b,compute-3:node-c node4:node-d");
        assertEquals("node-a", map.machineFor("compute-1.CLOUD").orElseThrow());
        assertEquals("node-b", map.machineFor("compute-2").orElseThrow());
        assertEquals("node-d", map.machineFor("node4").orElseThrow());
        assertTrue(map.machineFor("compute-9").isEmpty());
        assertThrows(BadParameterException.class, () -> HostMap.parse("justaname"));
        assertEquals("compute-1", MachineResolver.shortName("Compute-1.maas.example"));
    }

    @Test
    void stdinRegistersTheKeyAsSecretEvenWhenNamedWithDashes() throws Exception {
        Map<String, String> raw = StdinParameters.read(new BufferedReader(new StringReader(
                "api-key=\"aaaa:bbbb:cccc\"\naction=off\nnonsense\n")), diagnostics);
        assertEquals("aaaa:bbbb:cccc", raw.get("api_key"));
        diagnostics.error("MAAS said: Invalid access token: bbbb (key aaaa:bbbb:cccc)");
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Invalid access token: ***"), text);
        assertFalse(text.contains("bbbb") || text.contains("cccc"), text);
        assertTrue(text.contains("ignoring stdin line without name=value"), text);
    }

    @Test
    void apiKeyNeedsThreeParts() {
        assertThrows(BadParameterException.class, () -> ApiKey.parse("a:b"));
        assertThrows(BadParameterException.class, () -> ApiKey.parse("a::c"));
        assertEquals("ApiKey[***]", assertDoesNotThrowParse("abc:def:ghi").toString());
    }

    private static ApiKey assertDoesNotThrowParse(String text) {
        try {
            return ApiKey.parse(text);
        } catch (BadParameterException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void actionsAndAliases() throws Exception {
        assertEquals(Action.LIST_STATUS, Action.parse("list-status"));
        assertEquals(Action.VALIDATE_ALL, Action.parse("validate_all"));
        assertEquals(Action.REBOOT, Action.parse("reset"));
        assertThrows(BadParameterException.class, () -> Action.parse("format-disk"));
    }

    @Test
    void metadataIsWellFormedAndListsEveryActionAndParameter() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(Metadata.xml().getBytes(StandardCharsets.UTF_8)));
        assertEquals("fence_maas", doc.getDocumentElement().getAttribute("name"));
        assertEquals(Params.ALL.size(), doc.getElementsByTagName("parameter").getLength());
        assertEquals(Action.values().length, doc.getElementsByTagName("action").getLength());
        for (int i = 0; i < doc.getElementsByTagName("parameter").getLength(); i++) {
            var p = (org.w3c.dom.Element) doc.getElementsByTagName("parameter").item(i);
            assertEquals(1, p.getElementsByTagName("getopt").getLength(), p.getAttribute("name"));
            assertEquals(1, p.getElementsByTagName("content").getLength(), p.getAttribute("name"));
        }
    }

    @Test
    void argvOptionsMatchStdinNames() throws Exception {
        Map<String, String> raw = ArgvParameters.parse(new String[] {"-o", "off", "-n", "h1", "--url=http://m/MAAS",
                "--power-timeout", "7", "--ssl-insecure", "-v", "--hostname-map", "a:b"});
        assertEquals(Map.of("action", "off", "plug", "h1", "url", "http://m/MAAS", "power_timeout", "7",
                "ssl_insecure", "1", "verbose", "1", "hostname_map", "a:b"), raw);
        assertEquals("metadata", ArgvParameters.parse(new String[] {"--help"}).get("action"));
    }
}
