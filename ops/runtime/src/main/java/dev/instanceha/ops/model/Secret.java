package dev.instanceha.ops.model;

import java.util.Objects;

/**
 * A password, key or token a peer or the operator handed this unit. It never shows itself:
 * {@link #toString} is a mask, so a record holding one can be logged or put in an exception message
 * safely. Secrets read through an {@link Endpoint} are registered with the log's redactor at the
 * moment they are read, so the value is masked in every log line even where code {@link #reveal}s it.
 */
public final class Secret {
    private static final String MASK = "<redacted>"; // as every record of peer data has always shown secrets
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A secret not yet known to the redactor: use {@link Endpoint#secret} for relation data. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value, for the file or the request that needs it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
