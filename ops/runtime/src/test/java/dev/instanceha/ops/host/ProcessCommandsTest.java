package dev.instanceha.ops.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCommandsTest {
    private final ProcessCommands commands = new ProcessCommands();

    @Test
    void capturesOutputExitCodeAndStdin() {
        CommandResult result = commands.run(Command.of("sh", "-c", "cat; echo err >&2; exit 3")
                .withStdin("secret-input".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, result.exitCode());
        assertEquals("secret-input", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.succeeded());
    }

    @Test
    void killsAtTheTimeout() {
        long start = System.nanoTime();
        CommandResult result = commands.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(300)));
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "sleep was not killed");
    }

    @Test
    void environmentIsPassed() {
        CommandResult result = commands.run(Command.of("sh", "-c", "echo $DEBIAN_FRONTEND")
                .withEnvironment(Map.of("DEBIAN_FRONTEND", "noninteractive")));
        assertEquals("noninteractive\n", result.stdout());
    }

    @Test
    void checkThrowsWithProgramAndLastStderrLine() {
        CommandFailedException e = assertThrows(
                CommandFailedException.class,
                () -> commands.check(
                        Command.of("sh", "-c", "echo first >&2; echo 'E: Unable to locate package x' >&2; exit 100")));
        assertEquals("sh exited 100: E: Unable to locate package x", e.getMessage());
    }

    @Test
    void missingProgramIsExit127() {
        assertEquals(127, commands.run(Command.of("no-such-program-xyz")).exitCode());
        assertFalse(commands.exists("no-such-program-xyz"));
        assertTrue(commands.exists("sh"));
    }
}
