package dev.instanceha.stonith;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every line the agent writes to stderr goes through here, so known secrets (the API key and each
 * of its three parts, which MAAS may echo back in an error body) are replaced by "***".
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

    public void error(String message) {
        err.println("fence_maas: ERROR: " + redact(message));
        err.flush();
    }

    public void warn(String message) {
        err.println("fence_maas: WARNING: " + redact(message));
        err.flush();
    }

    public void debug(String message) {
        if (verbose) {
            err.println("fence_maas: " + redact(message));
            err.flush();
        }
    }
}
