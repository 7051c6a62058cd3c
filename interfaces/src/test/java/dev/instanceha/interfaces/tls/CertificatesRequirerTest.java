package dev.instanceha.interfaces.tls;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.relation;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CertificatesRequirerTest {
    private static final String KEY = "masakari_0.processed_requests";
    private static final String CERT_PEM = TlsFixtures.RSA_CERT;
    private static final String KEY_PEM = TlsFixtures.RSA_KEY;
    private static final String CA_PEM = TlsFixtures.CA;
    /** vault prefixes the PEM with openssl's text dump (interface-tls-certificates' own test data). */
    private static final String VAULT_CERT = "Certificate:\n    Data:\n        Version: 3 (0x2)\n" + CERT_PEM;

    private static final List<CertificateRequest> REQUESTS = List.of(
            new CertificateRequest("10.5.0.10", List.of("masakari.example.com", "10.5.0.10", "10.5.0.100")),
            new CertificateRequest("masakari.example.com", List.of("masakari.example.com")));

    private static FixedEndpoint endpoint(List<? extends RelationView> relations) {
        return FixedEndpoint.of(CertificatesRequirer.ENDPOINT, relations).asUnit("masakari/0");
    }

    private static CertificatesRequirer requirer(List<? extends RelationView> relations) {
        return new CertificatesRequirer(endpoint(relations));
    }

    /** What masakari/0 publishes on certificates when it asks for {@code requests}. */
    private static Map<String, String> published(List<CertificateRequest> requests) {
        FixedEndpoint endpoint = endpoint(List.of());
        new CertificatesRequirer(endpoint).request(requests);
        return endpoint.published();
    }

    /**
     * vault's unit databag (juju-contract.md §5.5, anchor-charms.md §2.3): ca/chain raw PEM, one
     * JSON "<unit_name>.processed_requests" per requiring unit, Juju's address keys.
     */
    static Map<String, String> vaultAnswer() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Map<String, String> bag = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.50"));
        bag.put("ca", CA_PEM);
        bag.put("chain", CA_PEM);
        bag.put(
                KEY,
                m.writeValueAsString(Map.of(
                        "10.5.0.10", Map.of("cert", VAULT_CERT, "key", KEY_PEM),
                        "masakari.example.com", Map.of("cert", VAULT_CERT, "key", KEY_PEM))));
        bag.put(
                "masakari_1.processed_requests",
                m.writeValueAsString(Map.of("10.5.0.11", Map.of("cert", VAULT_CERT, "key", KEY_PEM))));
        return bag;
    }

    private Completeness<CertificateBundle> read(Map<String, String> vault) {
        return requirer(one("certificates", "vault", vault)).read(REQUESTS);
    }

    @Test
    void requestHasTheUpstreamShape() {
        Map<String, String> data = published(REQUESTS);
        assertEquals("masakari_0", data.get("unit_name"));
        assertEquals(
                "{\"10.5.0.10\": {\"sans\": [\"10.5.0.10\", \"10.5.0.100\", \"masakari.example.com\"]}, "
                        + "\"masakari.example.com\": {\"sans\": [\"masakari.example.com\"]}}",
                data.get("cert_requests"));
        assertEquals("masakari_0.processed_requests", requirer(List.of()).processedRequestsKey());
    }

    @Test
    void vaultAnswerParses() throws Exception {
        CertificateBundle b = read(vaultAnswer()).value().orElseThrow();
        assertEquals(CA_PEM, b.caPem());
        assertEquals(CA_PEM, b.chainPem().orElseThrow());
        assertEquals(
                List.of("10.5.0.10", "masakari.example.com"),
                List.copyOf(b.sorted().keySet()));
        assertEquals(VAULT_CERT, b.certificates().get("10.5.0.10").certPem());
        assertEquals(KEY_PEM, b.certificates().get("10.5.0.10").keyPem().reveal());
        // Another unit's answer in the same databag is not ours.
        assertFalse(b.certificates().containsKey("10.5.0.11"));
    }

    @Test
    void roundTripThroughTheProvider() throws Exception {
        List<TlsPeer.Request> seen = TlsPeer.requests(published(REQUESTS));
        assertEquals(2, seen.size());
        assertEquals(
                new TlsPeer.Request(
                        "masakari_0", "10.5.0.10", List.of("10.5.0.10", "10.5.0.100", "masakari.example.com")),
                seen.get(0));
        CertificateBundle b =
                read(TlsPeer.answer(seen, CA_PEM, CERT_PEM, KEY_PEM)).value().orElseThrow();
        assertEquals(2, b.certificates().size());
    }

    @Test
    void unicodeCommonNamesRoundTrip() throws Exception {
        var uni = List.of(new CertificateRequest("mäsakari.example", List.of("mäsakari.example")));
        assertTrue(published(uni).get("cert_requests").contains("\\u00E4")
                || published(uni).get("cert_requests").contains("\\u00e4"));
        List<TlsPeer.Request> seen = TlsPeer.requests(published(uni));
        assertEquals("mäsakari.example", seen.get(0).commonName());
        CertificateBundle b = requirer(one("certificates", "vault", TlsPeer.answer(seen, CA_PEM, CERT_PEM, KEY_PEM)))
                .read(uni)
                .value()
                .orElseThrow();
        assertTrue(b.certificates().containsKey("mäsakari.example"));
    }

    @Test
    void unitsWithoutCaAreIgnored() throws Exception {
        // LP #2028683: a unit without a CA may carry stale certificates.
        var rel = relation(
                "certificates",
                2,
                "vault",
                Map.of(
                        "vault/0", without(vaultAnswer(), "ca"),
                        "vault/1", vaultAnswer()));
        assertTrue(requirer(List.of(rel)).read(REQUESTS).isComplete());
        String r = read(without(vaultAnswer(), "ca")).reason().orElseThrow();
        assertTrue(r.contains("missing 'ca'"), r);
    }

    @Test
    void missingAnswerAndMissingCnAreNamed() throws Exception {
        String r = read(without(vaultAnswer(), KEY)).reason().orElseThrow();
        assertTrue(r.contains("missing '" + KEY + "'"), r);
        String partial =
                new ObjectMapper().writeValueAsString(Map.of("10.5.0.10", Map.of("cert", VAULT_CERT, "key", KEY_PEM)));
        r = read(with(vaultAnswer(), KEY, partial)).reason().orElseThrow();
        assertTrue(r.contains("'" + KEY + "' has no certificate for masakari.example.com"), r);
    }

    @Test
    void malformedAnswersAreNamed() throws Exception {
        Map<String, String> good = vaultAnswer();
        String truncated = good.get(KEY).substring(0, good.get(KEY).length() / 2);
        assertTrue(read(with(good, KEY, truncated)).reason().orElseThrow().contains("'" + KEY + "' is not valid JSON"));
        assertTrue(
                read(with(good, KEY, "[1, 2]")).reason().orElseThrow().contains("'" + KEY + "' is not a JSON object"));
        assertTrue(read(with(
                        good,
                        KEY,
                        "{\"10.5.0.10\": {\"cert\": 42, \"key\": null}, "
                                + "\"masakari.example.com\": {\"cert\": \"x\", \"key\": \"y\"}}"))
                .reason()
                .orElseThrow()
                .contains("needs text 'cert' and 'key'"));
        assertTrue(read(with(good, "ca", "not a certificate"))
                .reason()
                .orElseThrow()
                .contains("'ca' is not PEM"));
        String notPem = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "10.5.0.10", Map.of("cert", "garbage", "key", KEY_PEM),
                        "masakari.example.com", Map.of("cert", VAULT_CERT, "key", KEY_PEM)));
        assertTrue(read(with(good, KEY, notPem)).reason().orElseThrow().contains("[10.5.0.10].cert' is not PEM"));
    }

    @Test
    void junkOrMismatchedMaterialIsNamedAndNeverUsed() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Map<String, String> good = vaultAnswer();
        String junkKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Zq5ZrVbT3u2yTkVfYl9Q3d0c2VjcmV0\n"
                + "-----END RSA PRIVATE KEY-----\n";
        String r = read(with(
                        good,
                        KEY,
                        m.writeValueAsString(Map.of(
                                "10.5.0.10", Map.of("cert", VAULT_CERT, "key", junkKey),
                                "masakari.example.com", Map.of("cert", VAULT_CERT, "key", KEY_PEM)))))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'" + KEY + "' entry for 10.5.0.10: 'key' is not a PEM private key"), r);
        r = read(with(
                        good,
                        KEY,
                        m.writeValueAsString(Map.of(
                                "10.5.0.10", Map.of("cert", VAULT_CERT, "key", TlsFixtures.OTHER_RSA_KEY),
                                "masakari.example.com", Map.of("cert", VAULT_CERT, "key", KEY_PEM)))))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("entry for 10.5.0.10: 'key' does not belong to the certificate"), r);
        r = read(with(good, "ca", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'ca' is not a PEM X.509 certificate"), r);
        assertFalse(r.contains("MII"), r);
    }

    @Test
    void answeredTellsNotYetFromUnusable() throws Exception {
        assertFalse(requirer(one("certificates", "vault", Fixtures.jujuAddresses("10.5.0.50")))
                .answered());
        assertTrue(requirer(one("certificates", "vault", with(vaultAnswer(), KEY, "{")))
                .answered());
        assertTrue(requirer(one("certificates", "vault", without(vaultAnswer(), "ca")))
                .answered());
    }

    @Test
    void oversizedAnswerIsRejected() throws Exception {
        String r = read(with(vaultAnswer(), KEY, Fixtures.OVERSIZED)).reason().orElseThrow();
        assertTrue(r.contains("'" + KEY + "' is too long"), r);
        r = read(with(vaultAnswer(), "chain", "-----BEGIN " + Fixtures.OVERSIZED + "-----END "))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'chain' is too long"), r);
    }

    @Test
    void privateKeysAreRedacted() throws Exception {
        CertificateBundle b = read(vaultAnswer()).value().orElseThrow();
        assertFalse(b.toString().contains("PRIVATE KEY"), b.toString());
        assertTrue(b.toString().contains("key=<redacted>"));
        assertFalse(b.certificates().get("10.5.0.10").toString().contains(KEY_PEM));
    }

    @Test
    void privateKeysAreRegisteredWithTheRedactorWhenRead() throws Exception {
        FixedEndpoint endpoint = endpoint(one("certificates", "vault", vaultAnswer()));
        CertificateBundle b =
                new CertificatesRequirer(endpoint).read(REQUESTS).value().orElseThrow();
        assertTrue(endpoint.registeredSecrets().contains(KEY_PEM), "private key registered");
        assertFalse(b.toString().contains(KEY_PEM), b.toString());
        assertFalse(b.certificates().get("masakari.example.com").toString().contains(KEY_PEM));
    }

    @Test
    void requestNeedsAtLeastOneCertificate() {
        assertThrows(IllegalArgumentException.class, () -> requirer(List.of()).request(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CertificateRequest(" ", List.of()));
    }
}
