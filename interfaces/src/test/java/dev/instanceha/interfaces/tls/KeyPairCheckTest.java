package dev.instanceha.interfaces.tls;

import static dev.instanceha.interfaces.tls.TlsFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.instanceha.interfaces.tls.KeyPairCheck.Part;
import dev.instanceha.interfaces.tls.KeyPairCheck.Problem;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyPairCheckTest {
    static Stream<Arguments> matchingPairs() {
        return Stream.of(
                Arguments.of("RSA PKCS#1", RSA_CERT, RSA_KEY),
                Arguments.of("RSA PKCS#8", RSA_CERT, RSA_PKCS8_KEY),
                Arguments.of("EC SEC1 after EC PARAMETERS", EC_CERT, EC_KEY),
                Arguments.of("EC PKCS#8", EC_CERT, EC_PKCS8_KEY),
                Arguments.of("Ed25519", ED25519_CERT, ED25519_KEY),
                Arguments.of(
                        "cert with chain and openssl's text dump",
                        "Certificate:\n    Data: ...\n" + RSA_CERT + CA,
                        RSA_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchingPairs")
    void aKeyAndItsCertificatePass(String kind, String cert, String key) {
        assertEquals(Optional.empty(), KeyPairCheck.check(cert, key));
    }

    static Stream<Arguments> badPairs() {
        String junkKey =
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Zq5ZrVbT3u2yTkVfYl9Q3d0c2VjcmV0LWtleS1tYXRlcmlh\n"
                        + "-----END RSA PRIVATE KEY-----\n";
        String junkCert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQm9ndXM=\n-----END CERTIFICATE-----\n";
        return Stream.of(
                Arguments.of("junk between key markers", RSA_CERT, junkKey, Part.KEY, "is not a PEM private key"),
                Arguments.of(
                        "not base64 between key markers",
                        RSA_CERT,
                        "-----BEGIN PRIVATE KEY-----\n%%% not base64 %%%\n-----END PRIVATE KEY-----\n",
                        Part.KEY,
                        "has no PEM private key block"),
                Arguments.of(
                        "PKCS#8 label on PKCS#1 content",
                        RSA_CERT,
                        RSA_KEY.replace("RSA PRIVATE KEY", "PRIVATE KEY"),
                        Part.KEY,
                        "is not a PEM private key"),
                Arguments.of(
                        "EC label on RSA content",
                        RSA_CERT,
                        RSA_KEY.replace("RSA PRIVATE KEY", "EC PRIVATE KEY"),
                        Part.KEY,
                        "named curve"),
                Arguments.of("encrypted key", RSA_CERT, RSA_ENCRYPTED_KEY, Part.KEY, "is encrypted"),
                Arguments.of(
                        "a certificate given as key", RSA_CERT, RSA_CERT, Part.KEY, "has no PEM private key block"),
                Arguments.of(
                        "another RSA key", RSA_CERT, OTHER_RSA_KEY, Part.KEY, "does not belong to the certificate"),
                Arguments.of("another EC key", EC_CERT, OTHER_EC_KEY, Part.KEY, "does not belong to the certificate"),
                Arguments.of("EC key for an RSA certificate", RSA_CERT, EC_KEY, Part.KEY, "does not belong"),
                Arguments.of("RSA key for an EC certificate", EC_CERT, RSA_KEY, Part.KEY, "does not belong"),
                Arguments.of("junk certificate", junkCert, RSA_KEY, Part.CERTIFICATE, "is not a PEM X.509 certificate"),
                Arguments.of("key given as certificate", RSA_KEY, RSA_KEY, Part.CERTIFICATE, "is not a PEM X.509"),
                Arguments.of("empty", "", "", Part.CERTIFICATE, "is not a PEM X.509"),
                Arguments.of(
                        "truncated key",
                        RSA_CERT,
                        RSA_KEY.substring(0, 200) + "\n-----END RSA PRIVATE KEY-----\n",
                        Part.KEY,
                        "is not a PEM private key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPairs")
    void badMaterialNamesThePartAndNeverEchoesIt(String kind, String cert, String key, Part part, String expected) {
        Problem problem = KeyPairCheck.check(cert, key).orElseThrow(() -> new AssertionError(kind + " passed"));
        assertEquals(part, problem.part(), problem.toString());
        assertEquals(true, problem.description().contains(expected), problem.description());
        assertFalse(problem.description().contains("MII"), "no material in the description");
    }

    @Test
    void caBundlesParseOrAreNamedBad() {
        assertEquals(Optional.empty(), KeyPairCheck.certificateProblem(CA + RSA_CERT));
        assertEquals(
                Optional.of("is not a PEM X.509 certificate"),
                KeyPairCheck.certificateProblem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        assertEquals(Optional.of("is not a PEM X.509 certificate"), KeyPairCheck.certificateProblem("no pem"));
    }

    @Test
    void unterminatedHugeBlockIsRefused() {
        String big = "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(1 << 20);
        assertEquals(Part.KEY, KeyPairCheck.check(RSA_CERT, big).orElseThrow().part());
    }
}
