package dev.instanceha.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.pack.CharmPacker;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs the greeter test charm into a real .charm and runs its real dispatch script as Juju
 * would, against fake hook-tool executables: install → config-changed → update-status → action.
 */
class ContractTest {
    @TempDir
    static Path work;

    static ContractRunner runner;
    static Path greetingFile;

    /** A jar whose manifest points at this test's classpath, so dispatch's {@code java -jar} runs GreeterCharm. */
    static Path launcherJar(Path dir) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.instanceha.ops.testcharm.GreeterCharm");
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" "));
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve("charm.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // manifest only
        }
        return jar;
    }

    @BeforeAll
    static void pack() throws Exception {
        Path charm = CharmPacker.pack(CharmTestContextTest.CHARM_DIR, launcherJar(work), work.resolve("greeter.charm"));
        runner = new ContractRunner(charm, work.resolve("unit"));
        greetingFile = work.resolve("etc/greeting");
        runner.reset(state());
    }

    static State state() {
        return State.of("greeter/0")
                .withLeader(true)
                .withAddress("10.251.0.9")
                .withConfig(Map.of("greeting-file", greetingFile.toString(), "admin-password", "S3cretPw!"))
                .withRelation(RelationState.of("website", 5, "haproxy").withRemoteUnit("haproxy/0", Map.of()))
                .withRelation(RelationState.of("peers", 1, "greeter"));
    }

    @Test
    void lifecycleThroughTheRealDispatch() throws Exception {
        assertTrue(Files.isExecutable(runner.charmDir().resolve("dispatch")), "mode came from the zip");

        ContractRunner.ContractResult install = runner.run(Event.install(), state());
        assertEquals(0, install.exitCode(), install.stderr());
        assertEquals("active: Unit is ready", install.unitStatus());
        assertEquals("true", install.state().path("state").path("installed").asText());
        assertTrue(install.state().path("logs").toString().contains("installing greeter"));

        ContractRunner.ContractResult configured = runner.run(Event.configChanged(), state());
        assertEquals(0, configured.exitCode(), configured.stderr());
        assertEquals("hello\n", Files.readString(greetingFile));
        assertEquals(
                "rw-r-----",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(greetingFile)));
        String relations = configured.state().path("relations").toString();
        assertTrue(relations.contains("\"hostname\":\"10.251.0.9\""), relations);
        assertTrue(relations.contains("\"port\":\"8080\""), relations);
        assertTrue(relations.contains("\"token\":"), relations);
        String logs = configured.state().path("logs").toString();
        assertFalse(logs.contains("S3cretPw!"), logs);

        ContractRunner.ContractResult status = runner.run(Event.updateStatus(), state());
        assertEquals(0, status.exitCode(), status.stderr());
        assertEquals("active: Unit is ready", status.unitStatus());
        assertFalse(status.calls().contains("relation-set"), "nothing changed, nothing written: " + status.calls());

        ContractRunner.ContractResult greet = runner.run(Event.action("greet", Map.of("name", "juju")), state());
        assertEquals(0, greet.exitCode(), greet.stderr());
        assertEquals(
                "hello, juju", greet.action().path("results").path("message").asText());

        ContractRunner.ContractResult wrongType =
                runner.run(Event.action("greet", Map.of("name", "juju", "times", "abc")), state());
        assertEquals(0, wrongType.exitCode(), wrongType.stderr());
        assertEquals(
                "parameter 'times' must be a whole number, not 'abc'",
                wrongType.action().path("failed").asText());
        assertFalse(wrongType.stderr().contains("Exception"), wrongType.stderr());

        ContractRunner.ContractResult failed = runner.run(Event.action("fail-on-purpose", Map.of()), state());
        assertEquals(0, failed.exitCode(), failed.stderr());
        assertEquals("failed on purpose", failed.action().path("failed").asText());
        assertEquals(
                List.of("about to fail"),
                List.of(failed.action().path("logs").get(0).asText()));
    }

    @Test
    void badConfigBlocksWithoutAStackTrace() {
        ContractRunner.ContractResult result = runner.run(Event.configChanged(), state());
        assertEquals(0, result.exitCode());
        runner.reset(state().withConfig("port", 0));
        ContractRunner.ContractResult blocked = runner.run(Event.configChanged(), state());
        assertEquals(0, blocked.exitCode(), blocked.stderr());
        assertEquals("blocked: config 'port' must be between 1 and 65535, not 0", blocked.unitStatus());
        assertFalse(blocked.stderr().contains("Exception"), blocked.stderr());
        runner.reset(state());
    }

    @Test
    void outsideJujuItSaysSoInOneLineAndExits2() {
        ContractRunner.ContractResult result = runner.runOutsideJuju();
        assertEquals(2, result.exitCode());
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result.stderr());
        assertTrue(lines.get(0).contains("runs only from a Juju hook or action"), lines.get(0));
    }
}
