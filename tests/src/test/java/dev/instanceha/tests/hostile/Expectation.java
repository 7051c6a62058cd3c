package dev.instanceha.tests.hostile;

import java.util.Locale;

/**
 * What a case must end in. {@code names} is the text the status or action failure must contain
 * (the option, relation key or parameter at fault), compared without case.
 */
public record Expectation(Kind kind, String names) {
    public enum Kind {
        /** blocked, naming the key. */
        BLOCKED,
        /** waiting, naming the key or relation when given. */
        WAITING,
        /** blocked or waiting, naming the key: bad relation data may do either. */
        REJECT,
        /** the action calls action-fail naming the parameter, and the process exits 0. */
        ACTION_FAIL,
        /** valid though odd input: the unit ends active. */
        ACTIVE
    }

    /** Parses {@code "blocked cluster_count"}, {@code "waiting"}, {@code "action-fail limit"}, {@code "active"}. */
    public static Expectation parse(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        Kind kind = switch (parts[0]) {
            case "blocked" -> Kind.BLOCKED;
            case "waiting" -> Kind.WAITING;
            case "reject" -> Kind.REJECT;
            case "action-fail" -> Kind.ACTION_FAIL;
            case "active", "active-ok" -> Kind.ACTIVE;
            default ->
                throw new IllegalArgumentException("unknown expectation '" + text
                        + "': use blocked KEY, waiting [KEY], reject KEY, action-fail PARAM or active");
        };
        String names = parts.length > 1 ? parts[1].strip() : "";
        if (names.isEmpty() && (kind == Kind.BLOCKED || kind == Kind.REJECT || kind == Kind.ACTION_FAIL)) {
            throw new IllegalArgumentException("'" + text + "' must name the key or parameter at fault");
        }
        return new Expectation(kind, names);
    }

    boolean named(String message) {
        return names.isEmpty() || message.toLowerCase(Locale.ROOT).contains(names.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + (names.isEmpty() ? "" : " " + names);
    }
}
