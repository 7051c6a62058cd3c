package dev.instanceha.ops.log;

import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.hooktools.LogLevel;

/**
 * The charm's log. INFO and above go through juju-log (one process each, so used for what an
 * operator reads); DEBUG goes to stdout, which Juju already records at DEBUG for free.
 * Everything passes the {@link Redactor} first, then {@link BoundedText}: one line, long values cut.
 */
public final class CharmLog {
    private final HookTools tools;
    private final Redactor redactor;

    public CharmLog(HookTools tools, Redactor redactor) {
        this.tools = tools;
        this.redactor = redactor;
    }

    public Redactor redactor() {
        return redactor;
    }

    public void debug(String message) {
        System.out.println(BoundedText.debugText(redactor.redact(message)));
    }

    public void info(String message) {
        log(LogLevel.INFO, message);
    }

    public void warning(String message) {
        log(LogLevel.WARNING, message);
    }

    public void error(String message) {
        log(LogLevel.ERROR, message);
    }

    /** The text as a status or action message may show it: redacted, one line, bounded. */
    public String forStatus(String message) {
        return BoundedText.statusLine(redactor.redact(message));
    }

    /** Marks a value as secret so it is masked in every later log line. */
    public void secret(String value) {
        redactor.registerSecret(value);
    }

    private void log(LogLevel level, String message) {
        String safe = BoundedText.logLine(redactor.redact(message));
        try {
            tools.jujuLog(level, safe);
        } catch (RuntimeException noJujuLog) {
            // A log line is never worth failing a hook for; stderr reaches the unit log too.
            System.err.println(level + " " + safe);
        }
    }
}
