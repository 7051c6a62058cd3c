package dev.instanceha.hostmonitor.notify;

import java.time.Clock;
import java.time.Duration;

/** Reuses one token until shortly before it expires, or until Masakari answers 401. */
public final class TokenCache {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final KeystoneAuthenticator keystone;
    private final Clock clock;
    private KeystoneToken current;

    public TokenCache(KeystoneAuthenticator keystone, Clock clock) {
        this.keystone = keystone;
        this.clock = clock;
    }

    public synchronized KeystoneToken token() throws ApiException {
        if (current == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).isAfter(current.expiresAt())) {
            current = keystone.authenticate();
        }
        return current;
    }

    public synchronized void invalidate() {
        current = null;
    }
}
