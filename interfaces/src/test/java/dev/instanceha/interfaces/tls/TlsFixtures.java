package dev.instanceha.interfaces.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real, throwaway TLS material made with openssl for these tests only: a CA, and server
 * certificates signed by it with their RSA (PKCS#1 and PKCS#8), EC (SEC1 with openssl's EC
 * PARAMETERS block, and PKCS#8) and Ed25519 keys; keys of no certificate; an encrypted key.
 */
final class TlsFixtures {
    static final String CA = pem("ca.pem");
    static final String RSA_CERT = pem("rsa.pem");
    static final String RSA_KEY = pem("rsa.key");
    static final String RSA_PKCS8_KEY = pem("rsa.pk8");
    static final String RSA_ENCRYPTED_KEY = pem("rsa.enc");
    static final String EC_CERT = pem("ec.pem");
    static final String EC_KEY = pem("ec.key");
    static final String EC_PKCS8_KEY = pem("ec.pk8");
    static final String ED25519_CERT = pem("ed.pem");
    static final String ED25519_KEY = pem("ed.key");
    static final String OTHER_RSA_KEY = pem("other.key");
    static final String OTHER_EC_KEY = pem("other-ec.key");

    private TlsFixtures() {
    }

    static String pem(String name) {
        try (InputStream in = TlsFixtures.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
