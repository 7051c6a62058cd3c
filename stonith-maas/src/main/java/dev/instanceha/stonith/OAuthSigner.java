package dev.instanceha.stonith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the Authorization header MAAS expects for an API key: 0-legged OAuth 1.0 with the
 * PLAINTEXT method, whose signature is the (empty) consumer secret, '&amp;', then the token secret.
 * Values are percent-encoded as RFC 5849 requires, so the signature goes out as {@code %26<secret>}.
 */
public final class OAuthSigner {
    private final ApiKey key;
    private final Clock clock;

    public OAuthSigner(ApiKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    public String header() {
        return "OAuth realm=\"\""
                + ", oauth_version=\"1.0\""
                + ", oauth_signature_method=\"PLAINTEXT\""
                + ", oauth_consumer_key=\"" + encode(key.consumerKey()) + "\""
                + ", oauth_token=\"" + encode(key.tokenKey()) + "\""
                + ", oauth_signature=\"" + encode("&" + key.tokenSecret()) + "\""
                // A fresh nonce and timestamp per request, so MAAS never sees a replay. Unique, not
                // secret (PLAINTEXT sends the secret itself): no SecureRandom, whose provider set-up
                // costs start-up time.
                + ", oauth_nonce=\"" + hex16(ThreadLocalRandom.current().nextLong()) + hex16(System.nanoTime()) + "\""
                + ", oauth_timestamp=\"" + clock.instant().getEpochSecond() + "\"";
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
