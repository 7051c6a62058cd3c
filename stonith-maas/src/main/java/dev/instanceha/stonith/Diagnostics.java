package dev.instanceha.stonith;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every line the agent writes to stderr goes through here, so known secrets (the API key and each
 * of its three parts, which MAAS may echo back in an error body) are replaced by "***", and the
 * words "timeout" and "timed out" are written "time-out" and "timed-out": when an agent fails,
 * pacemaker searches its stderr for those two words (case-insensitively) and, on a match, reports
 * the failure as a timer expiry (ETIME, "Timer expired") instead of the real cause, e.g. for a
 * malformed power_timeout. Parameter names in messages are therefore spelled power_time-out etc.
 */
public final class Diagnostics {
    private static final int MIN_SECRET = 4;
    private final PrintStream err;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile boolean verbose;

    public Diagnostics(PrintStream err) {
        this.err = err;
    }

    public void verbose(boolean on) {
        verbose = on;
    }

    /** Registers a value to hide; an API key also registers its parts. */
    public void addSecret(String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() >= MIN_SECRET) {
            secrets.add(v);
        }
        for (String part : v.split(":")) {
            if (part.length() >= MIN_SECRET) {
                secrets.add(part);
            }
        }
        // Longest first, so a whole key is hidden before its parts are.
        secrets.sort((a, b) -> b.length() - a.length());
    }

    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    /** Breaks up the two words pacemaker reads as a timer expiry (see the class comment). */
    static String pacemakerSafe(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            if (text.regionMatches(true, i, "timeout", 0, 7)) {
                out.append(text, i, i + 4).append('-');
                i += 3;
            } else if (text.regionMatches(true, i, "timed out", 0, 9)) {
                out.append(text, i, i + 5).append('-');
                i += 5;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private void line(String text) {
        err.println(pacemakerSafe(redact(text)));
        err.flush();
    }

    public void error(String message) {
        line("fence_maas: ERROR: " + message);
    }

    public void warn(String message) {
        line("fence_maas: WARNING: " + message);
    }

    public void debug(String message) {
        if (verbose) {
            line("fence_maas: " + message);
        }
    }
}
