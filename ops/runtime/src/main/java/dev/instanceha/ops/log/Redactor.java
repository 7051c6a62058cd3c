package dev.instanceha.ops.log;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes secrets from text before it is logged or shown: values of keys named like a password,
 * key, secret or token (in {@code k=v}, {@code k: v} and JSON {@code "k": "v"} forms), passwords
 * in URLs, and any value the charm registered as secret (a password read from a relation, say)
 * wherever it appears, also JSON- or URL-escaped.
 *
 * <p>Linear in the text: registered secrets are found by one automaton pass, URLs and key/value
 * pairs by one forward scan each, so a 1 MB value costs milliseconds (tests/bench/redaction).
 * (The regular expressions this replaces were quadratic on any long word: for each start position
 * the greedy {@code [\w.-]*} before the key word, and the greedy scheme part before {@code ://},
 * ran to the end of the word and backtracked over all of it.)
 */
public final class Redactor {
    public static final String MASK = "***";
    private static final int MIN_SECRET_LENGTH = 4;

    private final Set<String> secrets = new LinkedHashSet<>();
    /** Rebuilt when a secret is added; read without locking by {@link #redact}. */
    private volatile LiteralMatcher matcher = new LiteralMatcher(Set.of());

    /** True for keys whose values must never be logged ({@code password}, {@code pacemaker-key}, …). */
    public static boolean isSecretKey(String key) {
        return key != null && SecretKeyNames.isSecret(key);
    }

    /** Masks this exact value from now on (ignored when shorter than 4 characters: too many false hits). */
    public void registerSecret(String value) {
        if (value == null || value.length() < MIN_SECRET_LENGTH) {
            return;
        }
        synchronized (secrets) {
            boolean added = secrets.add(value);
            // The same secret as it appears inside JSON or a URL.
            added |= secrets.add(jsonEscaped(value));
            added |= secrets.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            added |=
                    secrets.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            if (added) {
                matcher = new LiteralMatcher(secrets);
            }
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskRegistered(text);
        out = UrlCredentials.mask(out, MASK);
        return KeyValueSecrets.mask(out, MASK);
    }

    private String maskRegistered(String text) {
        LiteralMatcher current = matcher;
        if (current.isEmpty()) {
            return text;
        }
        int[] ranges = current.coveredRanges(text);
        if (ranges.length == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            out.append(text, copied, ranges[r]).append(MASK);
            copied = ranges[r + 1];
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
