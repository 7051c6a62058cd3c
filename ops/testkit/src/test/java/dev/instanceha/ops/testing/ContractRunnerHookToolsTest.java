package dev.instanceha.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's hook tools end to end: a charm whose dispatch is a shell script calls the jujuc
 * forwarder on PATH, which reaches the runner's socket; a failed hook's relation data and state
 * are rolled back, its status and logs kept.
 */
class ContractRunnerHookToolsTest {
    private static final String DISPATCH = """
            #!/bin/sh
            set -e
            hook=${JUJU_DISPATCH_PATH#hooks/}
            echo "{\\"ran\\": \\"$hook\\"}" | state-set --file -
            relation-set -r website:5 token="$hook"
            status-set maintenance "in $hook"
            juju-log -l WARNING "hello from $hook"
            [ "$(is-leader --format=json)" = true ] || exit 9
            [ "$hook" != config-changed ] || exit 3
            """;
    private static final State STATE = State.of("demo/0")
            .withLeader(true)
            .withRelation(RelationState.of("website", 5, "haproxy").withRemoteUnit("haproxy/0", java.util.Map.of()));

    static Path charm(Path dir) throws Exception {
        Path charm = dir.resolve("demo.charm");
        try (OutputStream file = Files.newOutputStream(charm);
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            add(zip, "metadata.yaml", "name: demo\nprovides:\n  website:\n    interface: http\n", 0100644);
            add(zip, "dispatch", DISPATCH, 0100755);
        }
        return charm;
    }

    private static void add(ZipArchiveOutputStream zip, String name, String text, int mode) throws Exception {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        zip.putArchiveEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }

    @Test
    void aFailedHookRollsBackRelationDataAndStateButKeepsStatusAndLogs(@TempDir Path work) throws Exception {
        ContractRunner runner = new ContractRunner(charm(work), work.resolve("unit"));
        runner.reset(STATE);

        ContractRunner.ContractResult install = runner.run(Event.install(), STATE);
        assertEquals(0, install.exitCode(), install.stderr());
        assertEquals("install", install.state().path("state").path("ran").asText());
        assertEquals(
                "install",
                install.state()
                        .path("relations")
                        .get(0)
                        .path("local_unit")
                        .path("token")
                        .asText());
        assertEquals(List.of("state-set", "relation-set", "status-set", "juju-log", "is-leader"), install.calls());

        ContractRunner.ContractResult failed = runner.run(Event.configChanged(), STATE);
        assertEquals(3, failed.exitCode(), failed.stderr());
        assertEquals("install", failed.state().path("state").path("ran").asText());
        assertEquals(
                "install",
                failed.state()
                        .path("relations")
                        .get(0)
                        .path("local_unit")
                        .path("token")
                        .asText());
        assertEquals("maintenance: in config-changed", failed.unitStatus());
        assertEquals(
                "[\"WARNING hello from install\",\"WARNING hello from config-changed\"]",
                failed.state().path("logs").toString());
        assertTrue(Files.notExists(runner.socket()), "the socket lives only while a hook runs");
    }

    @Test
    void aWorkDirectoryDeeperThanASocketPathMayBeStillWorks(@TempDir Path temp) throws Exception {
        // Under the build directory: its path relative to the working directory is short enough.
        Path underBuild = Files.createDirectories(Path.of("target", "contract-" + "d".repeat(70)));
        // In the temporary directory: neither form fits, the socket is a link to a short one.
        Path underTemp = Files.createDirectories(temp.resolve("e".repeat(110)));
        try {
            for (Path work : List.of(underBuild, underTemp)) {
                ContractRunner runner = new ContractRunner(charm(work), work.resolve("unit"));
                assertTrue(
                        runner.socket().toAbsolutePath().toString().length() > 108,
                        runner.socket().toString());
                runner.reset(STATE);
                ContractRunner.ContractResult install = runner.run(Event.install(), STATE);
                assertEquals(0, install.exitCode(), install.stderr());
                assertEquals("maintenance: in install", install.unitStatus());
                assertTrue(Files.notExists(runner.socket(), java.nio.file.LinkOption.NOFOLLOW_LINKS));
            }
        } finally {
            try (var files = Files.walk(underBuild)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void outsideAHookTheToolsHaveNoAgentToTalkTo(@TempDir Path work) throws Exception {
        ContractRunner runner = new ContractRunner(charm(work), work.resolve("unit"));
        runner.reset(STATE);
        ContractRunner.ContractResult outside = runner.runOutsideJuju();
        assertEquals(1, outside.exitCode());
        assertTrue(
                outside.stderr().startsWith("ERROR cannot reach the unit agent at /var/lib/juju/model/jujuc.sock"),
                outside.stderr());
        assertEquals("unknown: ", outside.unitStatus());
    }
}
