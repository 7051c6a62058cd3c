package dev.instanceha.tests.charms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.ops.model.DeclarationFiles;
import dev.instanceha.ops.model.YamlFiles;
import dev.instanceha.ops.testing.ClassLoadRecorder;
import dev.instanceha.ops.testing.ContractRunner;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
                    .filter(l -> l.startsWith("name:"))
                    .findFirst()
                    .orElseThrow()
                    .substring(5)
                    .strip();
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

    /** The charms whose own code parses YAML at run time (monitors: the operator's process list). */
    static final Set<String> BRING_SNAKEYAML = Set.of("masakari-monitors.charm");

    @Test
    void everyCharmCarriesItsDeclarationsAsJsonAndSnakeYamlOnlyIfItsCodeUsesIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Path charm : builtCharms()) {
            Path source = charm.getParent().getParent().resolve("src/main/charm");
            try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
                for (String name : List.of("config.yaml", "actions.yaml")) {
                    ZipArchiveEntry packed = zip.getEntry(DeclarationFiles.packedName(name));
                    assertEquals(Files.exists(source.resolve(name)), packed != null, charm + ": " + name + " as JSON");
                    if (packed != null) {
                        assertEquals(
                                YamlFiles.readMap(source.resolve(name)),
                                json.readValue(zip.getInputStream(packed), Object.class),
                                charm + ": " + name);
                    }
                }
                List<String> yamlClasses = new ArrayList<>();
                try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(zip.getEntry("lib/charm.jar")))) {
                    for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                        if (entry.getName().startsWith("org/yaml/")) {
                            yamlClasses.add(entry.getName());
                        }
                    }
                }
                assertEquals(
                        BRING_SNAKEYAML.contains(charm.getFileName().toString()),
                        !yamlClasses.isEmpty(),
                        charm + ": SnakeYAML in lib/charm.jar");
            }
        }
    }

    @Test
    void masakarisUpdateStatusLoadsNoYamlClass(@TempDir Path work) {
        ClassLoadRecorder recorder = new ClassLoadRecorder(ROOT.resolve("charm-masakari/target/masakari.charm"), work);
        ClassLoadRecorder.Recorded hook = recorder.run(
                Event.updateStatus(), State.of("masakari/0").withUnitState(Map.of("packages/masakari", "distro")));
        assertEquals(0, hook.hook().exitCode(), hook.hook().stderr());
        assertEquals(
                "blocked: 'shared-db', 'amqp', 'identity-service' missing",
                hook.hook().unitStatus());
        assertTrue(hook.classes().stream().anyMatch(ClassLoadRecorder.LoadedClass::fromCharmJar), "the log is read");
        assertEquals(List.of(), hook.named("org.yaml."));
    }

    @Test
    void masakariThroughItsOwnDispatch(@TempDir Path work) {
        Path charm = ROOT.resolve("charm-masakari/target/masakari.charm");
        ContractRunner runner = new ContractRunner(charm, work);
        // Packages recorded as installed: this run must not apt-get on the test machine.
        State state = State.of("masakari/0").withLeader(true).withUnitState(Map.of("packages/masakari", "distro"));
        runner.reset(state);
        ContractRunner.ContractResult hook = runner.run(Event.updateStatus(), state);
        assertEquals(0, hook.exitCode(), hook.stderr());
        assertEquals("blocked: 'shared-db', 'amqp', 'identity-service' missing", hook.unitStatus());

        ContractRunner.ContractResult action = runner.run(Event.action("list-segments", Map.of()), state);
        assertEquals(0, action.exitCode(), action.stderr());
        assertEquals(
                "identity-service is not ready: relate masakari to keystone and wait for it",
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
        assertTrue(
                hook.unitStatus()
                        .startsWith("blocked: Cannot install pacemaker-remote: the 'pacemaker' package is installed"),
                hook.unitStatus());
    }

    /**
     * The monitors charm re-shades the host monitor's daemon jar: it must hold every class of the
     * self-contained jar hostmonitor-patch builds, or the daemon dies on a missing class on the unit.
     */
    @Test
    void theMonitorsCharmShipsTheWholeHostMonitorDaemon() throws Exception {
        Path built = ROOT.resolve("hostmonitor-patch/target/masakari-hostmonitor.jar");
        assertTrue(Files.exists(built), built + " was not built: run `mvn -B package` first");
        java.util.Set<String> wanted = classes(built);
        Path charm = builtCharms().stream()
                .filter(c -> c.getFileName().toString().equals("masakari-monitors.charm"))
                .findFirst()
                .orElseThrow();
        Path shipped = Files.createTempFile("shipped-hostmonitor", ".jar");
        try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
            ZipArchiveEntry entry = zip.getEntry("hostmonitor/masakari-hostmonitor.jar");
            assertTrue(entry != null, "the charm carries no hostmonitor/masakari-hostmonitor.jar");
            try (var in = zip.getInputStream(entry)) {
                Files.copy(in, shipped, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(wanted);
        missing.removeAll(classes(shipped));
        Files.delete(shipped);
        assertTrue(wanted.size() > 100, "too few classes in " + built + ": " + wanted.size());
        assertEquals(java.util.Set.of(), missing, "classes the daemon needs that the charm does not ship");
    }

    private static java.util.Set<String> classes(Path jar) throws Exception {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
            zip.getEntries().asIterator().forEachRemaining(e -> {
                if (e.getName().endsWith(".class") && !e.getName().contains("module-info")) {
                    out.add(e.getName());
                }
            });
        }
        return out;
    }
}
