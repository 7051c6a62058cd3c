package dev.instanceha.masakari;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real, throwaway TLS material made with openssl for these tests only (a CA, RSA and EC pairs, a stray key). */
final class TlsFixtures {
    static final String CA = pem("ca.pem");
    static final String CERT = pem("rsa.pem");
    static final String KEY = pem("rsa.key");
    static final String EC_CERT = pem("ec.pem");
    static final String EC_KEY = pem("ec.key");
    static final String OTHER_KEY = pem("other.key");
    static final String JUNK_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Zq5ZrVbT3u2yTkVfYl9Q3d0c2VjcmV0\n"
            + "-----END RSA PRIVATE KEY-----\n";
    static final String JUNK_CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQm9ndXM=\n-----END CERTIFICATE-----\n";

    private TlsFixtures() {
    }

    static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static String pem(String name) {
        try (InputStream in = TlsFixtures.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
