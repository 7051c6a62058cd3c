package dev.instanceha.hostmonitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    private final NotificationJson json = new NotificationJson();

    private static Notification n(String host, int second) {
        return Notification.stopped(host, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(second));
    }

    @Test
    void entriesRoundTripExactlyAndKeepTheirOrderAcrossInstances() throws Exception {
        Outbox a = new Outbox(dir, json);
        Notification first = n("h1", 1);
        a.add(first);
        a.add(n("h2", 2));
        Outbox b = new Outbox(dir, json);
        b.add(n("h3", 3));
        List<Notification> pending = new Outbox(dir, json)
                .pending().stream().map(Outbox.Entry::notification).toList();
        assertEquals(
                List.of("h1", "h2", "h3"),
                pending.stream().map(Notification::hostname).toList());
        assertEquals(first, pending.get(0));
    }

    @Test
    void deliveredEntriesAreGoneForGood() throws Exception {
        Outbox o = new Outbox(dir, json);
        o.add(n("h1", 1));
        o.delivered(o.pending().get(0));
        assertTrue(new Outbox(dir, json).pending().isEmpty());
    }

    @Test
    void halfWrittenFilesFromACrashAreDiscardedAndCorruptOnesSetAside() throws Exception {
        new Outbox(dir, json);
        Files.writeString(dir.resolve("tmp").resolve("00000000000000000007-x.json"), "{\"id\":");
        Files.writeString(dir.resolve("pending").resolve("00000000000000000003-bad.json"), "not json");
        Outbox o = new Outbox(dir, json);
        assertTrue(o.pending().isEmpty());
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"));
                Stream<Path> rejected = Files.list(dir.resolve("rejected"))) {
            assertEquals(0, tmp.count());
            assertEquals(1, rejected.count());
        }
        o.add(n("h1", 1));
        String name = o.pending().get(0).file().getFileName().toString();
        assertTrue(name.startsWith("00000000000000000004-"), "sequence continues after existing entries: " + name);
    }
}
