package dev.instanceha.hostmonitor.daemon;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** {@code <UTC time> <LEVEL> <message>} on one line, for journald and grep. */
final class OneLineFormatter extends Formatter {
    @Override
    public String format(LogRecord r) {
        String line = Instant.ofEpochMilli(r.getMillis()) + " " + r.getLevel().getName() + " " + formatMessage(r);
        if (r.getThrown() != null) {
            line += " (" + r.getThrown() + ")";
        }
        return line + System.lineSeparator();
    }
}
