package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.instanceha.simulators.maas.FailureMode;
import dev.instanceha.simulators.maas.MaasSimulator;
import dev.instanceha.simulators.maas.MachineSpec;
import dev.instanceha.simulators.maas.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent, run through its wrapper script as pacemaker-fenced would run it. */
class FenceMaasWrapperIT {
    private static final String KEY = FenceMaasAgentTest.KEY;
    private MaasSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String stdin(String action, String plug) {
        return "action=" + action + "\nnodename=" + plug + "\nplug=" + plug + "\nurl=" + sim.url() + "\napi_key=" + KEY
                + "\npower_timeout=10\npoll_interval=0.2\nretries=0\n";
    }

    private ProcessRun agent(String stdin) throws Exception {
        ProcessRun run =
                ProcessRun.run(List.of(ProcessRun.dist().resolve("fence_maas").toString()), Map.of(), stdin);
        for (String part : KEY.split(":")) {
            assertFalse(run.out().contains(part) || run.err().contains(part), "key part leaked: " + run);
        }
        return run;
    }

    @Test
    void offAndStatusExitCodesThroughTheWrapper() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .machine("broken-1")
                .failure("broken-1", FailureMode.POWER_DRIVER_ERROR)
                .start();
        assertEquals(0, agent(stdin("status", "compute-1")).exit());
        ProcessRun off = agent(stdin("off", "compute-1.maas"));
        assertEquals(0, off.exit(), off.toString());
        assertEquals("Success: Powered OFF\n", off.out());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
        ProcessRun status = agent(stdin("status", "compute-1"));
        assertEquals(2, status.exit(), status.toString());
        assertEquals("Status: OFF\n", status.out());
        ProcessRun broken = agent(stdin("status", "broken-1"));
        assertEquals(1, broken.exit(), broken.toString());
        ProcessRun failedOff = agent(stdin("off", "broken-1").replace("power_timeout=10", "power_timeout=1"));
        assertEquals(1, failedOff.exit(), failedOff.toString());
        assertTrue(failedOff.err().contains("Power driver error"), failedOff.err());
    }

    @Test
    void wrongKeyAndUnknownHostFailThroughTheWrapper() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey("Kc0nsumerXYZ:anotherTok:anotherSec")
                .machine("compute-1")
                .start();
        ProcessRun wrong = agent(stdin("off", "compute-1"));
        assertEquals(1, wrong.exit(), wrong.toString());
        assertTrue(wrong.err().contains("HTTP 401"), wrong.err());
        sim.close();
        sim = MaasSimulator.builder().apiKey(KEY).machine("compute-1").start();
        ProcessRun unknown = agent(stdin("off", "nowhere-7"));
        assertEquals(1, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("no MAAS machine has hostname 'nowhere-7'"), unknown.err());
    }

    @Test
    void theKeyNeverAppearsInAnyProcessArguments() throws Exception {
        // The delay keeps the agent alive long enough to read every command line in its process tree.
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .powerDelay(Duration.ofSeconds(3))
                .start();
        List<String> seen = new ArrayList<>();
        ProcessRun run = ProcessRun.run(
                List.of(ProcessRun.dist().resolve("fence_maas").toString()),
                Map.of(),
                stdin("off", "compute-1"),
                process -> {
                    while (process.isAlive()) {
                        seen.addAll(ProcessRun.commandLines(process));
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
        assertEquals(0, run.exit(), run.toString());
        assertTrue(
                seen.stream().anyMatch(c -> c.contains("java") && c.contains("fence-maas.jar")),
                "never saw the agent's JVM: " + seen);
        for (String commandLine : seen) {
            for (String part : KEY.split(":")) {
                assertFalse(commandLine.contains(part), "key in process arguments: " + commandLine);
            }
        }
    }

    @Test
    void argvModeThroughTheWrapper(@TempDir Path dir) throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine(MachineSpec.deployed("compute-1").withInitialState(PowerState.OFF))
                .start();
        Path keyFile = dir.resolve("maas.key");
        Files.writeString(keyFile, KEY);
        ProcessRun run = ProcessRun.run(
                List.of(
                        ProcessRun.dist().resolve("fence_maas").toString(),
                        "-o",
                        "status",
                        "-n",
                        "compute-1",
                        "--url=" + sim.url(),
                        "--api-key-file=" + keyFile),
                Map.of(),
                "");
        assertEquals(2, run.exit(), run.toString());
        ProcessRun fromEnv = ProcessRun.run(
                List.of(
                        ProcessRun.dist().resolve("fence_maas").toString(),
                        "-o",
                        "on",
                        "-n",
                        "compute-1",
                        "--url=" + sim.url()),
                Map.of(Params.API_KEY_ENV, KEY),
                "");
        assertEquals(0, fromEnv.exit(), fromEnv.toString());
        assertEquals(PowerState.ON, sim.powerState("compute-1"));
    }

    @Test
    void metadataValidatesAgainstTheFenceAgentsSchema(@TempDir Path dir) throws Exception {
        Path schema = Path.of("/usr/share/cluster/relaxng/metadata.rng");
        if (!Files.isReadable(schema)) {
            fail("fence-agents' metadata schema " + schema + " is missing: apt-get install fence-agents");
        }
        ProcessRun metadata = ProcessRun.run(
                List.of(ProcessRun.dist().resolve("fence_maas").toString(), "-o", "metadata"), Map.of(), "");
        assertEquals(0, metadata.exit(), metadata.toString());
        Path xml = dir.resolve("fence_maas.xml");
        Files.writeString(xml, metadata.out());
        ProcessRun xmllint;
        try {
            xmllint = ProcessRun.run(
                    List.of("xmllint", "--noout", "--relaxng", schema.toString(), xml.toString()), Map.of(), "");
        } catch (java.io.IOException e) {
            fail("xmllint is missing: apt-get install libxml2-utils");
            return;
        }
        assertEquals(0, xmllint.exit(), xmllint.toString());
        assertTrue(xmllint.err().contains("validates"), xmllint.err());
        // The stdin form gives the same document.
        assertEquals(metadata.out(), agent("action=metadata\n").out());
    }

    @Test
    void versionHelpAndManpageThroughTheWrapper() throws Exception {
        String wrapper = ProcessRun.dist().resolve("fence_maas").toString();
        ProcessRun version = ProcessRun.run(List.of(wrapper, "-V"), Map.of(), "");
        assertEquals(0, version.exit(), version.toString());
        assertEquals(AgentVersion.get() + "\n", version.out());
        ProcessRun help = ProcessRun.run(List.of(wrapper, "-h"), Map.of(), "");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().startsWith("Usage:\n") && help.out().contains("--power-wait=[seconds]"), help.out());
        ProcessRun man = ProcessRun.run(List.of(wrapper, "-o", "manpage"), Map.of(), "");
        assertEquals(0, man.exit(), man.toString());
        assertTrue(man.out().startsWith(".TH FENCE_MAAS 8"), man.out());
        ProcessRun invalid =
                ProcessRun.run(List.of(wrapper), Map.of(), "action=validate-all\nurl=ftp://x\napi_key=" + KEY + "\n");
        assertEquals(1, invalid.exit(), invalid.toString());
    }

    /**
     * A fresh install (the hacluster charm copies only the wrapper and the jar): the first call
     * starts building the class-data archive in the background and returns; later calls use it; a
     * new jar makes the archive stale, and the next call rebuilds it.
     */
    @Test
    void theClassDataArchiveIsBuiltInTheBackgroundAndRebuiltWhenStale(@TempDir Path dir) throws Exception {
        Path wrapper = dir.resolve("fence_maas");
        Files.copy(ProcessRun.dist().resolve("fence_maas"), wrapper);
        Files.copy(ProcessRun.dist().resolve("fence-maas.jar"), dir.resolve("fence-maas.jar"));
        // A java that records its arguments, to see which archive each call is given.
        Path calls = dir.resolve("calls");
        Path recordingJava = dir.resolve("recording-java");
        Files.writeString(recordingJava, "#!/bin/sh\necho \"$*\" >>" + calls + "\nexec " + realJava() + " \"$@\"\n");
        assertTrue(
                recordingJava.toFile().setExecutable(true) && wrapper.toFile().setExecutable(true));
        Map<String, String> env = Map.of("FENCE_MAAS_JAVA", recordingJava.toString());
        Path archive = dir.resolve("fence-maas.jsa");

        ProcessRun first = ProcessRun.run(List.of(wrapper.toString(), "-o", "metadata"), env, "");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().startsWith("<?xml"), first.out());
        awaitArchive(dir);
        long built = Files.getLastModifiedTime(archive).toMillis();
        ProcessRun second = ProcessRun.run(List.of(wrapper.toString(), "-o", "metadata"), env, "");
        assertEquals(first.out(), second.out());
        List<String> lines = Files.readAllLines(calls);
        assertTrue(lines.get(lines.size() - 1).contains("-XX:SharedArchiveFile=" + archive), lines.toString());
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("-XX:ArchiveClassesAtExit=") && l.contains("--cds-warmup")),
                lines.toString());
        long builds = lines.stream().filter(l -> l.contains("--cds-warmup")).count();
        assertEquals(1, builds, "an up-to-date archive is not rebuilt: " + lines);

        Thread.sleep(1100);
        Files.setLastModifiedTime(dir.resolve("fence-maas.jar"), FileTime.fromMillis(System.currentTimeMillis()));
        assertEquals(
                0,
                ProcessRun.run(List.of(wrapper.toString(), "-o", "metadata"), env, "")
                        .exit());
        awaitArchive(dir);
        assertTrue(Files.getLastModifiedTime(archive).toMillis() > built, "a stale archive is rebuilt");
        assertEquals(
                2,
                Files.readAllLines(calls).stream()
                        .filter(l -> l.contains("--cds-warmup"))
                        .count());
    }

    private static void awaitArchive(Path dir) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(dir.resolve("fence-maas.jsa.stamp"))
                    && !Files.exists(dir.resolve("fence-maas.jsa.building"))
                    && Files.isRegularFile(dir.resolve("fence-maas.jsa"))) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the background archive build did not finish in 90 s: "
                + List.of(dir.toFile().list()));
    }

    private static String realJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void externalPluginMapsOntoTheAgent() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .machine("compute-2")
                .start();
        List<String> plugin = List.of(ProcessRun.dist().resolve("external-maas").toString());
        Map<String, String> env = Map.of("url", sim.url(), "apikey", KEY, "hostnames", "compute-1.maas compute-1");
        ProcessRun hosts = ProcessRun.run(concat(plugin, "gethosts"), env, "");
        assertEquals(0, hosts.exit(), hosts.toString());
        assertEquals("compute-1.maas\ncompute-1\n", hosts.out());
        assertEquals(
                "hostnames url apikey\n",
                ProcessRun.run(concat(plugin, "getconfignames"), env, "").out());
        assertEquals(0, ProcessRun.run(concat(plugin, "status"), env, "").exit());
        ProcessRun off = ProcessRun.run(concat(plugin, "off", "compute-1.maas"), env, "");
        assertEquals(0, off.exit(), off.toString());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
        ProcessRun reset = ProcessRun.run(concat(plugin, "reset", "compute-2"), env, "");
        assertEquals(0, reset.exit(), reset.toString());
        assertTrue(sim.operations("power_off").stream().anyMatch(o -> "compute-2".equals(o.hostname())));
        assertEquals(PowerState.ON, sim.powerState("compute-2"));
        sim.setFailure("compute-2", FailureMode.NEVER_OFF);
        ProcessRun failing = ProcessRun.run(
                concat(plugin, "off", "compute-2"),
                Map.of("url", sim.url(), "apikey", KEY, "hostnames", "compute-2", "power_timeout", "1.5"),
                "");
        assertEquals(1, failing.exit(), failing.toString());
        assertTrue(failing.err().contains("within 1.5 s"), failing.err());
        ProcessRun wrongKey = ProcessRun.run(concat(plugin, "status"), Map.of("url", sim.url(), "apikey", "a:b:c"), "");
        assertEquals(1, wrongKey.exit(), wrongKey.toString());
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
