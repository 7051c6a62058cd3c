package dev.instanceha.ops.client;

import java.time.Clock;
import java.time.Duration;

/**
 * One Keystone token reused until shortly before it expires, or until the caller saw a 401 and
 * {@linkplain #invalidate() invalidated} it. Thread-safe.
 */
public final class CachedToken {
    /** Renewed this long before expiry, so a request never leaves with a token about to lapse. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final KeystoneClient keystone;
    private final KeystoneCredentials credentials;
    private final Clock clock;
    private KeystoneToken current;

    public CachedToken(KeystoneClient keystone, KeystoneCredentials credentials, Clock clock) {
        this.keystone = keystone;
        this.credentials = credentials;
        this.clock = clock;
    }

    public synchronized KeystoneToken get() {
        if (current == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).isAfter(current.expiresAt())) {
            current = keystone.login(credentials);
        }
        return current;
    }

    public synchronized void invalidate() {
        current = null;
    }
}
