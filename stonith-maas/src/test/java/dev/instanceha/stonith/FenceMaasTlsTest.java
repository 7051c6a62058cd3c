package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.simulators.maas.MaasSimulator;
import dev.instanceha.simulators.maas.PowerState;
import dev.instanceha.simulators.maas.SelfSignedTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS MAAS with a private CA: trusted through ssl_ca it works; otherwise it fails clearly. */
class FenceMaasTlsTest {
    private static final String KEY = FenceMaasAgentTest.KEY;

    @TempDir
    static Path dir;

    private static SelfSignedTls tls;
    private static SelfSignedTls otherCa;
    private static MaasSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        tls = SelfSignedTls.generate(dir.resolve("maas"));
        otherCa = SelfSignedTls.generate(dir.resolve("other"));
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .machine("compute-2")
                .tls(tls.serverContext())
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static AgentRun run(String action, String plug, String... extra) {
        StringBuilder s = new StringBuilder("action=" + action + "\nurl=" + sim.url() + "\napi_key=" + KEY + "\nplug="
                + plug + "\npower_timeout=3\npoll_interval=0.1\nretries=0\n");
        for (String line : extra) {
            s.append(line).append('\n');
        }
        return AgentRun.stdin(s.toString(), Map.of(), KEY);
    }

    @Test
    void trustedThroughTheCaFileItFences() {
        assertTrue(sim.url().startsWith("https://"));
        AgentRun run = run("off", "compute-1", "ssl_ca=" + tls.caPem());
        assertEquals(0, run.exit(), run.toString());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
    }

    @Test
    void withoutTheCaItFailsClearly() {
        AgentRun run = run("off", "compute-2");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("TLS connection to MAAS"), run.err());
        assertTrue(run.err().contains("set ssl_ca"), run.err());
        assertEquals(PowerState.ON, sim.powerState("compute-2"));
    }

    @Test
    void sslInsecureSkipsVerification() {
        AgentRun run = run("status", "compute-2", "ssl_insecure=1");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("Status: ON\n", run.out());
    }

    @Test
    void aDifferentCaIsRejected() {
        AgentRun run = run("status", "compute-2", "ssl_ca=" + otherCa.caPem());
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("TLS connection to MAAS"), run.err());
    }

    @Test
    void aFileWithoutCertificatesIsABadParameter() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate\n");
        AgentRun run = run("validate-all", "compute-2", "ssl_ca=" + junk);
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("parameter ssl_ca"), run.err());
        AgentRun missing = run("validate-all", "compute-2", "ssl_ca=" + dir.resolve("absent.pem"));
        assertEquals(1, missing.exit(), missing.toString());
    }
}
