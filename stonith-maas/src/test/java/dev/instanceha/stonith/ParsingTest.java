package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Parameter parsing, host mapping, URL rules, redaction and metadata shape. */
class ParsingTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics diagnostics = new Diagnostics(new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void apiRootFollowsLibmaasRule() throws Exception {
        assertEquals(
                "http://maas:5240/MAAS/api/2.0/",
                ConfigReader.apiRoot("http://maas:5240/MAAS").toString());
        assertEquals(
                "http://maas:5240/MAAS/api/2.0/",
                ConfigReader.apiRoot("http://maas:5240/MAAS/").toString());
        assertEquals(
                "https://maas/MAAS/api/2.0/",
                ConfigReader.apiRoot("https://maas/MAAS/api/2.0").toString());
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
        Map<String, String> raw = StdinParameters.read(
                new BufferedReader(new StringReader("api-key=\"aaaa:bbbb:cccc\"\naction=off\nnonsense\n")),
                diagnostics);
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
        assertEquals(Action.METADATA, Action.parse("meta-data"));
        assertEquals(Action.MANPAGE, Action.parse("manpage"));
        assertEquals(Action.ON, Action.parse("enable"));
        assertEquals(Action.OFF, Action.parse("disable"));
        assertThrows(BadParameterException.class, () -> Action.parse("format-disk"));
    }

    @Test
    void metadataIsWellFormedAndListsEveryActionAndParameter() throws Exception {
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
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
    void nothingWrittenToStderrReadsAsATimerExpiryToPacemaker() {
        // pacemaker's stonith__result2rc: strcasestr(stderr, "timed out") || strcasestr(stderr, "timeout") -> ETIME
        for (String text : new String[] {
            "parameter power_timeout: not a number",
            "TIMEOUT",
            "Gateway Timeout",
            "connect timed out",
            "Read Timed Out",
            "shell_timeout and login_timeout"
        }) {
            String safe = Diagnostics.pacemakerSafe(text);
            String lower = safe.toLowerCase(java.util.Locale.ROOT);
            assertFalse(lower.contains("timeout") || lower.contains("timed out"), safe);
            assertEquals(
                    text.replaceAll("(?i)(timed) (out)", "$1$2"),
                    safe.replace("-", ""),
                    "only a hyphen added, or one in place of the space");
        }
        assertEquals(
                "parameter power_time-out: not a number",
                Diagnostics.pacemakerSafe("parameter power_timeout: not a number"));
        assertEquals("connect timed-out", Diagnostics.pacemakerSafe("connect timed out"));
        diagnostics.error("unexpected MAAS answer (HTTP 504: <h1>504 Gateway Time-out</h1> Gateway Timeout)");
        String text = err.toString(StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        assertFalse(text.contains("timeout") || text.contains("timed out"), text);
    }

    @Test
    void argvOptionsMatchStdinNames() throws Exception {
        Map<String, String> raw = ArgvParameters.parse(new String[] {
            "-o",
            "off",
            "-n",
            "h1",
            "--url=http://m/MAAS",
            "--power-timeout",
            "7",
            "--ssl-insecure",
            "-v",
            "--hostname-map",
            "a:b"
        });
        assertEquals(
                Map.of(
                        "action",
                        "off",
                        "plug",
                        "h1",
                        "url",
                        "http://m/MAAS",
                        "power_timeout",
                        "7",
                        "ssl_insecure",
                        "1",
                        "verbose",
                        "1",
                        "hostname_map",
                        "a:b"),
                raw);
        assertEquals(Map.of("help", "1"), ArgvParameters.parse(new String[] {"-h"}));
        assertEquals(Map.of("version", "1"), ArgvParameters.parse(new String[] {"--version"}));
        assertEquals(
                Map.of(
                        "power_wait",
                        "2",
                        "retry_on",
                        "3",
                        "stonith_status_sleep",
                        "0.2",
                        "login_timeout",
                        "4",
                        "shell_timeout",
                        "6"),
                ArgvParameters.parse(new String[] {
                    "--power-wait=2",
                    "--retry-on",
                    "3",
                    "--stonith-status-sleep=0.2",
                    "--login-timeout=4",
                    "--shell-timeout",
                    "6"
                }));
    }
}
