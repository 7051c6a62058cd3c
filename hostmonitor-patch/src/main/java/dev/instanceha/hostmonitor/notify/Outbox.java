package dev.instanceha.hostmonitor.notify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Durable FIFO of notifications not yet accepted by Masakari: one JSON file per notification in
 * {@code pending/}, named {@code <sequence>-<id>.json} so order survives restarts. Files are written
 * to {@code tmp/}, fsynced and renamed atomically, so a crash leaves either the whole entry or none.
 * Entries Masakari refuses for good go to {@code rejected/} for an operator to look at.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /** A pending entry and the file that holds it. */
    public record Entry(Path file, Notification notification) {}

    private final Path pending;
    private final Path rejected;
    private final Path tmp;
    private final NotificationJson json;
    private long nextSequence;

    public Outbox(Path dir, NotificationJson json) throws IOException {
        this.pending = Files.createDirectories(dir.resolve("pending"));
        this.rejected = Files.createDirectories(dir.resolve("rejected"));
        this.tmp = Files.createDirectories(dir.resolve("tmp"));
        this.json = json;
        try (Stream<Path> leftovers = Files.list(tmp)) {
            // A half-written entry from a crash was never acknowledged to anyone.
            for (Path p : leftovers.toList()) {
                Files.deleteIfExists(p);
            }
        }
        nextSequence =
                pendingFiles().stream().mapToLong(Outbox::sequenceOf).max().orElse(0) + 1;
    }

    public synchronized void add(Notification n) throws IOException {
        String name = String.format("%020d-%s.json", nextSequence++, n.id());
        Path staged = tmp.resolve(name);
        try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(json.outboxRecord(n));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        move(staged, pending.resolve(name));
    }

    /** Pending entries, oldest first. Unreadable files are moved aside, never retried blindly. */
    public synchronized List<Entry> pending() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path p : pendingFiles()) {
            try {
                entries.add(new Entry(p, json.fromOutboxRecord(Files.readAllBytes(p))));
            } catch (IOException e) {
                LOG.severe("outbox entry " + p.getFileName() + " is unreadable (" + e.getMessage()
                        + "); moved to rejected/");
                move(p, rejected.resolve(p.getFileName()));
            }
        }
        return entries;
    }

    /** Masakari accepted it (or already had it): forget it. */
    public synchronized void delivered(Entry e) throws IOException {
        Files.deleteIfExists(e.file());
        syncDir(pending);
    }

    /** Masakari refused it for good (e.g. unknown host): keep it for the operator, stop sending. */
    public synchronized void reject(Entry e) throws IOException {
        move(e.file(), rejected.resolve(e.file().getFileName()));
    }

    private List<Path> pendingFiles() throws IOException {
        try (Stream<Path> files = Files.list(pending)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    private static long sequenceOf(Path p) {
        String name = p.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(name.substring(0, dash)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("outbox directory must be on one filesystem that supports atomic rename", e);
        }
        syncDir(to.getParent());
    }

    /** Make the rename itself durable. */
    private static void syncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some filesystems refuse fsync on a directory; the rename is still atomic.
            LOG.fine(() -> "directory fsync not supported on " + dir + ": " + e.getMessage());
        }
    }
}
