package dev.instanceha.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.pack.CharmPacker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packed charm's hooks and actions read config.yaml and actions.yaml from the JSON the packer
 * wrote: no SnakeYAML class loads, although SnakeYAML is on this charm's class path (the greeter
 * runs from the test class path), so any use of it would show in the class-load log.
 */
class PackedDeclarationsContractTest {
    @TempDir
    static Path work;

    static Path charm;

    @BeforeAll
    static void pack() throws Exception {
        charm = CharmPacker.pack(
                CharmTestContextTest.CHARM_DIR, ContractTest.launcherJar(work), work.resolve("greeter.charm"));
    }

    static State state() {
        return State.of("greeter/0").withLeader(true);
    }

    @Test
    void hookAndActionReadTheJsonAndLoadNoYamlClass() {
        ClassLoadRecorder recorder = new ClassLoadRecorder(charm, work.resolve("packed"));
        assertTrue(Files.isRegularFile(recorder.runner().charmDir().resolve(".ops/config.json")));
        assertTrue(Files.isRegularFile(recorder.runner().charmDir().resolve(".ops/actions.json")));

        ClassLoadRecorder.Recorded hook = recorder.run(Event.updateStatus(), state());
        assertEquals(0, hook.hook().exitCode(), hook.hook().stderr());
        assertEquals("active: Unit is ready", hook.hook().unitStatus());
        assertEquals(
                List.of("dev.instanceha.ops.model.DeclarationFiles"),
                hook.named("dev.instanceha.ops.model.Declaration"),
                "config was read through DeclarationFiles");
        assertEquals(List.of(), hook.named("org.yaml."));

        // The declared type of 'times' (integer, from actions.json) is what refuses "abc".
        ClassLoadRecorder.Recorded action =
                recorder.run(Event.action("greet", Map.of("name", "juju", "times", "abc")), state());
        assertEquals(0, action.hook().exitCode(), action.hook().stderr());
        assertEquals(
                "parameter 'times' must be a whole number, not 'abc'",
                action.hook().action().path("failed").asText());
        assertEquals(List.of(), action.named("org.yaml."));
    }

    @Test
    void withoutTheJsonTheSameCharmReadsItsYaml() throws Exception {
        ClassLoadRecorder recorder = new ClassLoadRecorder(charm, work.resolve("unpacked"));
        try (Stream<Path> packed = Files.walk(recorder.runner().charmDir().resolve(".ops"))) {
            for (Path file : packed.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        ClassLoadRecorder.Recorded hook = recorder.run(Event.updateStatus(), state());
        assertEquals(0, hook.hook().exitCode(), hook.hook().stderr());
        assertEquals("active: Unit is ready", hook.hook().unitStatus());
        assertFalse(hook.named("org.yaml.snakeyaml.").isEmpty(), "the YAML fallback is what loads SnakeYAML");

        ClassLoadRecorder.Recorded action =
                recorder.run(Event.action("greet", Map.of("name", "juju", "times", "abc")), state());
        assertEquals(
                "parameter 'times' must be a whole number, not 'abc'",
                action.hook().action().path("failed").asText());
    }
}
