package dev.instanceha.tests.charms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.testing.ContractRunner;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charms as Juju receives them: built archives, run through their own dispatch. */
class PackedCharmsIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static List<Path> builtCharms() throws Exception {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> charms = modules.filter(m -> m.getFileName().toString().startsWith("charm-"))
                    .filter(m -> Files.exists(m.resolve("src/main/charm/metadata.yaml")))
                    .map(m -> m.resolve("target").resolve(name(m) + ".charm"))
                    .toList();
            for (Path charm : charms) {
                assertTrue(Files.exists(charm), charm + " was not built: run `mvn -B package` first");
            }
            return charms;
        }
    }

    private static String name(Path module) {
        try {
            return Files.readAllLines(module.resolve("src/main/charm/metadata.yaml")).stream()
                    .filter(l -> l.startsWith("name:")).findFirst().orElseThrow().substring(5).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyCharmHasAnExecutableDispatchAndAManifest() throws Exception {
        List<Path> charms = builtCharms();
        assertFalse(charms.isEmpty(), "no charm module found");
        for (Path charm : charms) {
            try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
                ZipArchiveEntry dispatch = zip.getEntry("dispatch");
                assertEquals(0100755, dispatch.getUnixMode(), charm + ": dispatch mode");
                for (String required : List.of("metadata.yaml", "manifest.yaml", "lib/charm.jar")) {
                    assertTrue(zip.getEntry(required) != null, charm + " lacks " + required);
                }
            }
        }
    }

    @Test
    void masakariThroughItsOwnDispatch(@TempDir Path work) {
        Path charm = ROOT.resolve("charm-masakari/target/masakari.charm");
        ContractRunner runner = new ContractRunner(charm, work);
        // Packages recorded as installed: this run must not apt-get on the test machine.
        State state = State.of("masakari/0").withLeader(true)
                .withUnitState(Map.of("packages/masakari", "distro"));
        runner.reset(state);
        ContractRunner.ContractResult hook = runner.run(Event.updateStatus(), state);
        assertEquals(0, hook.exitCode(), hook.stderr());
        assertEquals("blocked: 'shared-db', 'amqp', 'identity-service' missing", hook.unitStatus());

        ContractRunner.ContractResult action = runner.run(Event.action("list-segments", Map.of()), state);
        assertEquals(0, action.exitCode(), action.stderr());
        assertEquals("identity-service is not ready: relate masakari to keystone and wait for it",
                action.action().path("failed").asText());
    }

    @Test
    void pacemakerRemoteRefusesAFullClusterNodeThroughItsOwnDispatch(@TempDir Path work) {
        // This machine runs the lab's full pacemaker (tests/lab/install): the charm must see the real
        // dpkg state and block before apt, which would otherwise offer to remove the cluster stack.
        Path charm = ROOT.resolve("charm-pacemaker-remote/target/pacemaker-remote.charm");
        ContractRunner runner = new ContractRunner(charm, work);
        State state = State.of("pacemaker-remote/0");
        runner.reset(state);
        ContractRunner.ContractResult hook = runner.run(Event.updateStatus(), state);
        assertEquals(0, hook.exitCode(), hook.stderr());
        assertTrue(hook.unitStatus().startsWith("blocked: Cannot install pacemaker-remote: the 'pacemaker' package is installed"),
                hook.unitStatus());
    }
}
