package dev.instanceha.interfaces.identity;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.relation;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityCredentialsRequirerTest {
    private static final IdentityCredentialsRequest REQUEST =
            new IdentityCredentialsRequest("masakari-monitors", "services");

    private static Completeness<IdentityCredentials> read(Map<String, String> unit) {
        return new IdentityCredentialsRequirer(FixedEndpoint.of(
                        IdentityCredentialsRequirer.ENDPOINT, one("identity-credentials", "keystone", unit)))
                .read();
    }

    @Test
    void keystoneAnswerParsesIntoRecord() {
        IdentityCredentials c =
                read(KeystoneFixtures.identityCredentialsOverHttps()).value().orElseThrow();
        assertEquals("https://keystone.example.com:5000", c.authUrl());
        assertEquals("https://10.5.0.20:35357", c.auth().url());
        assertEquals("masakari-monitors", c.username());
        assertEquals("hG7kz2Qm9pLxW4cVtB8nR3sD6fJ1yE5a", c.password().reveal());
        assertEquals("services", c.project());
        assertEquals("service_domain", c.userDomainName().orElseThrow());
        assertEquals("service_domain", c.projectDomainName().orElseThrow());
        assertEquals("RegionOne", c.region().orElseThrow());
        assertTrue(c.httpsKeystone());
        assertEquals(Fixtures.CERT_PEM, c.caCertPem().orElseThrow());
    }

    @Test
    void requestRoundTripsThroughKeystonesReader() {
        FixedEndpoint endpoint = FixedEndpoint.of(IdentityCredentialsRequirer.ENDPOINT);
        new IdentityCredentialsRequirer(endpoint).publish(REQUEST);
        KeystonePeer.CredentialsRequest req = KeystonePeer.credentials(endpoint.published());
        assertEquals("masakari-monitors", req.username());
        assertEquals("services", req.project());
        assertNull(req.domain());
        assertEquals(List.of(), req.roles());

        var withDomain = new IdentityCredentialsRequest(
                "masakari-monitors",
                Optional.of("services"),
                Optional.of("service_domain"),
                List.of("Admin"),
                List.of());
        KeystonePeer.CredentialsRequest req2 = KeystonePeer.credentials(withDomain.unitData());
        assertEquals("service_domain", req2.domain());
        assertEquals(List.of("Admin"), req2.roles());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "private-address",
                "credentials_host",
                "credentials_protocol",
                "credentials_port",
                "api_version",
                "auth_host",
                "auth_protocol",
                "auth_port",
                "credentials_project",
                "credentials_username",
                "credentials_password",
                "credentials_project_id"
            })
    void eachAvailableAuthKeyIsRequiredAndNamed(String key) {
        String r = read(without(KeystoneFixtures.identityCredentialsOverHttps(), key))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("missing '" + key + "'"), r);
    }

    @Test
    void malformedAndOversizedValuesAreIncomplete() {
        Map<String, String> base = KeystoneFixtures.identityCredentialsOverHttps();
        assertTrue(read(with(base, "credentials_port", "5000/tcp"))
                .reason()
                .orElseThrow()
                .contains("'credentials_port'"));
        assertTrue(read(with(base, "ca_cert", Fixtures.base64("no pem here")))
                .reason()
                .orElseThrow()
                .contains("'ca_cert' is not PEM"));
        assertTrue(read(with(base, "credentials_username", Fixtures.LONG_TEXT))
                .reason()
                .orElseThrow()
                .contains("'credentials_username' is too long"));
        assertTrue(read(with(base, "credentials_host", "ключ.example"))
                .reason()
                .orElseThrow()
                .contains("'credentials_host'"));
    }

    @Test
    void derivedAcrossUnits() {
        var rel = relation(
                "identity-credentials",
                4,
                "keystone",
                Map.of(
                        "keystone/0", without(KeystoneFixtures.identityCredentialsOverHttps(), "credentials_password"),
                        "keystone/1", KeystoneFixtures.identityCredentialsOverHttps()));
        assertTrue(new IdentityCredentialsRequirer(FixedEndpoint.of(IdentityCredentialsRequirer.ENDPOINT, rel))
                .read()
                .isComplete());
    }

    @Test
    void passwordIsRedacted() {
        IdentityCredentials c =
                read(KeystoneFixtures.identityCredentialsOverHttps()).value().orElseThrow();
        assertFalse(c.toString().contains(c.password().reveal()));
        assertTrue(c.toString().contains("password=<redacted>"));
    }

    @Test
    void thePasswordIsRegisteredWithTheRedactorWhenRead() {
        FixedEndpoint endpoint = FixedEndpoint.of(
                IdentityCredentialsRequirer.ENDPOINT,
                one("identity-credentials", "keystone", KeystoneFixtures.identityCredentialsOverHttps()));
        assertEquals(List.of(), endpoint.registeredSecrets());
        IdentityCredentials c =
                new IdentityCredentialsRequirer(endpoint).read().value().orElseThrow();
        assertEquals(List.of(c.password().reveal()), endpoint.registeredSecrets());
        assertEquals("<redacted>", String.valueOf(c.password()), "a Secret never shows itself");
    }
}
