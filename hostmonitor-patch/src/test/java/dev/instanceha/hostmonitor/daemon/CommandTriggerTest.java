package dev.instanceha.hostmonitor.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandTriggerTest {

    @TempDir
    Path dir;

    /** A line from the watch command ends the wait; the @Timeout only guards against a hang. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void outputFromTheWatchCommandEndsTheWait() throws Exception {
        Path go = dir.resolve("go");
        String script = "while [ ! -f '" + go + "' ]; do sleep 0.05; done; echo changed; sleep 600";
        try (CommandTrigger t = new CommandTrigger(List.of("/bin/sh", "-c", script))) {
            Files.createFile(go);
            t.await(Duration.ofDays(1));
        }
        assertTrue(Files.exists(go));
    }
}
