package dev.instanceha.hostmonitor.notify;

import java.net.URI;
import java.time.Instant;

/** A Keystone v3 token and the Masakari endpoint its catalog names. */
public record KeystoneToken(String id, Instant expiresAt, URI masakariEndpoint) {
    @Override
    public String toString() {
        return "KeystoneToken[expiresAt=" + expiresAt + ", endpoint=" + masakariEndpoint + "]"; // never log the secret
    }
}
