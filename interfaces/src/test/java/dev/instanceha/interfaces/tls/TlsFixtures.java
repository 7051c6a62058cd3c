package dev.instanceha.interfaces.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real, throwaway TLS material made with openssl for these tests only: a CA, and server
 * certificates signed by it with their RSA (PKCS#1 and PKCS#8), EC (SEC1 with openssl's EC
 * PARAMETERS block, and PKCS#8) and Ed25519 keys; keys of no certificate; an encrypted key; junk
 * between PEM markers. Shared with the charm modules through the interfaces test-jar.
 */
public final class TlsFixtures {
    public static final String CA = pem("ca.pem");
    public static final String RSA_CERT = pem("rsa.pem");
    public static final String RSA_KEY = pem("rsa.key");
    public static final String RSA_PKCS8_KEY = pem("rsa.pk8");
    public static final String RSA_ENCRYPTED_KEY = pem("rsa.enc");
    public static final String EC_CERT = pem("ec.pem");
    public static final String EC_KEY = pem("ec.key");
    public static final String EC_PKCS8_KEY = pem("ec.pk8");
    public static final String ED25519_CERT = pem("ed.pem");
    public static final String ED25519_KEY = pem("ed.key");
    public static final String OTHER_RSA_KEY = pem("other.key");
    public static final String OTHER_EC_KEY = pem("other-ec.key");

    public static final String JUNK_KEY =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Zq5ZrVbT3u2yTkVfYl9Q3d0c2VjcmV0\n"
                    + "-----END RSA PRIVATE KEY-----\n";
    public static final String JUNK_CERT =
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQm9ndXM=\n-----END CERTIFICATE-----\n";

    private TlsFixtures() {}

    public static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    static String pem(String name) {
        try (InputStream in = TlsFixtures.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
