package dev.instanceha.tests.model.juju;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The model's logs, as {@code juju debug-log} shows them: every unit's lines in one file
 * ({@code debug-log}), each prefixed with the unit's agent name and the time, plus one file per
 * unit. The last lines of a unit are kept for error messages.
 */
final class UnitLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final String tag;
    private final Writer unitFile;
    private final Writer debugLog;
    private final Deque<String> tail = new ArrayDeque<>();

    UnitLog(Path dir, String tag, Writer debugLog) {
        this.tag = tag;
        this.debugLog = debugLog;
        try {
            Files.createDirectories(dir);
            this.unitFile = Files.newBufferedWriter(
                    dir.resolve(tag + ".log"),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void line(String text) {
        String stamped = tag + ": " + LocalTime.now().format(TIME) + " " + text;
        try {
            unitFile.write(stamped + "\n");
            unitFile.flush();
            synchronized (debugLog) {
                debugLog.write(stamped + "\n");
                debugLog.flush();
            }
        } catch (IOException ignored) {
            // a full disk must not stop the model; the line is still in the tail
        }
        tail.addLast(text);
        while (tail.size() > 20) {
            tail.removeFirst();
        }
    }

    synchronized String tail(int lines) {
        return String.join(
                "\n", tail.stream().skip(Math.max(0, tail.size() - lines)).toList());
    }
}
