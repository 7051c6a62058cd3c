package dev.instanceha.stonith;

/** A MAAS request or power operation failed; {@link Kind} says whether trying again can help. */
public final class MaasException extends Exception {
    public enum Kind {
        AUTH(false),
        FORBIDDEN(false),
        NOT_FOUND(false),
        CONFLICT(false),
        BAD_REQUEST(false),
        UNAVAILABLE(true),
        SERVER(true),
        CONNECTION(true),
        TIMEOUT(true),
        TLS(false),
        PROTOCOL(false),
        POWER(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    public MaasException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
