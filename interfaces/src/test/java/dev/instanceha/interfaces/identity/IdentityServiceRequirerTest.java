package dev.instanceha.interfaces.identity;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.relation;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityServiceRequirerTest {
    private static final String URL = "https://10.5.0.10:15868/v1/%(tenant_id)s";
    private static final IdentityServiceRequest REQUEST =
            new IdentityServiceRequest("masakari", "RegionOne", URL, URL.replace("https", "http"), URL);

    private static Completeness<IdentityServiceData> read(List<? extends RelationView> relations) {
        return new IdentityServiceRequirer(FixedEndpoint.of(IdentityServiceRequirer.ENDPOINT, relations)).read();
    }

    private IdentityServiceData complete(Map<String, String> keystoneUnit) {
        Completeness<IdentityServiceData> c = read(one("identity-service", "keystone", keystoneUnit));
        assertTrue(c.isComplete(), () -> c.reason().orElse(""));
        return c.value().orElseThrow();
    }

    private String reason(Map<String, String> keystoneUnit) {
        Completeness<IdentityServiceData> c = read(one("identity-service", "keystone", keystoneUnit));
        assertFalse(c.isComplete());
        return c.reason().orElseThrow();
    }

    @Test
    void keystoneAnswerParsesIntoRecord() {
        IdentityServiceData d = complete(KeystoneFixtures.identityService());
        assertEquals("http://10.5.0.20:5000", d.serviceUrl());
        assertEquals("http://10.5.0.20:35357", d.authUrl());
        assertEquals("masakari", d.serviceUsername());
        assertEquals("Wq8x4kHcTRtbk9nMf7GwJzFW4hy5Zb6p", d.servicePassword().reveal());
        assertEquals("services", d.serviceTenant());
        assertEquals("0f5e3d6a3b3e4d47a1f0c7c0d8a3b2e1", d.serviceTenantId());
        assertEquals("service_domain", d.serviceDomain().orElseThrow());
        assertEquals("3", d.apiVersion().orElseThrow());
        assertEquals(5000, d.internal().orElseThrow().port());
        // "__null__" is keystone's "unset", not a value.
        assertTrue(d.caCertPem().isEmpty());
        assertFalse(d.httpsKeystone());
    }

    @Test
    void requestRoundTripsThroughKeystonesReader() {
        FixedEndpoint endpoint = FixedEndpoint.of(IdentityServiceRequirer.ENDPOINT);
        new IdentityServiceRequirer(endpoint).request(REQUEST);
        KeystonePeer.Registration reg = KeystonePeer.register(endpoint.published());
        assertNotNull(reg);
        assertEquals("masakari", reg.service());
        assertEquals(List.of("RegionOne"), reg.regions());
        assertEquals(URL, reg.publicUrl());
        assertEquals(URL.replace("https", "http"), reg.internalUrl());
        assertEquals(List.of(), reg.roles());
    }

    @Test
    void severalRegionsAndRolesUseKeystonesSeparators() {
        var req = new IdentityServiceRequest(
                "masakari", List.of("RegionOne", "RegionTwo"), URL, URL, URL, List.of("member", "reader"));
        Map<String, String> data = req.unitData();
        assertEquals("RegionOne RegionTwo", data.get("region"));
        assertEquals("member,reader", data.get("requested_roles"));
        KeystonePeer.Registration reg = KeystonePeer.register(data);
        assertEquals(List.of("RegionOne", "RegionTwo"), reg.regions());
        assertEquals(List.of("member", "reader"), reg.roles());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "service_host",
                "service_port",
                "service_protocol",
                "auth_host",
                "auth_port",
                "auth_protocol",
                "service_tenant",
                "service_username",
                "service_password",
                "service_tenant_id"
            })
    void eachBaseKeyIsRequiredAndNamed(String key) {
        String reason = reason(without(KeystoneFixtures.identityService(), key));
        assertTrue(reason.contains("missing '" + key + "'"), reason);
        assertTrue(reason.contains("keystone/0"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"service_password", "service_host", "auth_port"})
    void emptyAndNullMarkerCountAsMissing(String key) {
        assertTrue(reason(with(KeystoneFixtures.identityService(), key, "")).contains("missing '" + key + "'"));
        assertTrue(reason(with(KeystoneFixtures.identityService(), key, "__null__"))
                .contains("missing '" + key + "'"));
    }

    @Test
    void malformedValuesNameTheirKey() {
        Map<String, String> base = KeystoneFixtures.identityService();
        assertTrue(reason(with(base, "service_port", "five thousand")).contains("'service_port' is not a port"));
        assertTrue(reason(with(base, "auth_port", "70000")).contains("'auth_port' is not a port"));
        assertTrue(reason(with(base, "api_version", "9")).contains("'api_version' is not a Keystone API version"));
        assertTrue(
                complete(with(base, "api_version", "2.0")).apiVersion().isPresent(),
                "v2.0 as older keystones write it");
        assertTrue(reason(with(base, "auth_protocol", "ftp")).contains("'auth_protocol'"));
        assertTrue(reason(with(base, "service_host", "10.5.0.20; rm -rf /")).contains("'service_host'"));
        assertTrue(reason(with(base, "ca_cert", "not base64!")).contains("'ca_cert' is not valid base64"));
        assertTrue(reason(with(base, "internal_port", "x")).contains("'internal_port'"));
    }

    @Test
    void caCertIsDecodedFromBase64() {
        IdentityServiceData d = complete(with(
                KeystoneFixtures.identityService(),
                "ca_cert",
                Fixtures.base64(Fixtures.CERT_PEM),
                "https_keystone",
                "True"));
        assertEquals(Fixtures.CERT_PEM, d.caCertPem().orElseThrow());
        assertTrue(d.httpsKeystone());
    }

    @Test
    void unicodeSecretsSurviveButUnicodeHostsDoNot() {
        IdentityServiceData d = complete(with(KeystoneFixtures.identityService(), "service_password", "pässwörd✓🔑"));
        assertEquals("pässwörd✓🔑", d.servicePassword().reveal());
        assertTrue(reason(with(KeystoneFixtures.identityService(), "service_host", "kéystone.example"))
                .contains("'service_host'"));
    }

    @Test
    void oversizedValuesAreRejectedNotThrown() {
        String r = reason(with(KeystoneFixtures.identityService(), "service_password", Fixtures.OVERSIZED));
        assertTrue(r.contains("'service_password' is too long"), r);
        r = reason(with(KeystoneFixtures.identityService(), "ca_cert", Fixtures.OVERSIZED));
        assertTrue(r.contains("'ca_cert' is too long"), r);
    }

    @Test
    void rejectedServiceIsReportedAsSuch() {
        String r = reason(Map.of("admin_token", "-1", "private-address", "10.5.0.20"));
        assertTrue(r.contains("'admin_token' is -1"), r);
    }

    @Test
    void completenessIsDerivedFromAnyUnitNotAssumedFromTheFirst() {
        // The leader (keystone/2 here) answered; keystone/0 and /1 have not copied the data yet.
        var rel = relation(
                "identity-service",
                7,
                "keystone",
                Map.of(
                        "keystone/0", Fixtures.jujuAddresses("10.5.0.21"),
                        "keystone/1", Fixtures.jujuAddresses("10.5.0.22"),
                        "keystone/2", KeystoneFixtures.identityService()));
        assertTrue(read(List.of(rel)).isComplete());

        var none = relation(
                "identity-service",
                7,
                "keystone",
                Map.of(
                        "keystone/0", Fixtures.jujuAddresses("10.5.0.21"),
                        "keystone/1", without(KeystoneFixtures.identityService(), "service_password")));
        String r = read(List.of(none)).reason().orElseThrow();
        assertTrue(r.startsWith("identity-service: keystone/0: missing"), r);
        assertTrue(r.contains("keystone/1: missing 'service_password'"), r);
    }

    @Test
    void aLaterRelationOnTheSameEndpointCanComplete() {
        var stale = relation(
                "identity-service",
                3,
                "keystone-old",
                Map.of("keystone-old/0", without(KeystoneFixtures.identityService(), "service_tenant_id")));
        var fresh = relation(
                "identity-service",
                8,
                "keystone",
                Map.of("keystone/0", with(KeystoneFixtures.identityService(), "service_username", "masakari-new")));
        assertEquals(
                "masakari-new",
                read(List.of(stale, fresh)).value().orElseThrow().serviceUsername());
    }

    @Test
    void noRelationAndNoUnitsAreIncomplete() {
        assertEquals("identity-service: not related", read(List.of()).reason().orElseThrow());
        var empty = relation("identity-service", 3, "keystone", Map.of());
        assertEquals(
                "identity-service: no remote unit has joined",
                read(List.of(empty)).reason().orElseThrow());
    }

    @Test
    void passwordNeverAppearsInToStringOrReasons() {
        IdentityServiceData d = complete(KeystoneFixtures.identityService());
        assertFalse(d.toString().contains(d.servicePassword().reveal()));
        assertTrue(d.toString().contains("servicePassword=<redacted>"));
        String r = reason(
                with(KeystoneFixtures.identityService(), "service_password", "abc\u0007def", "service_port", "x"));
        assertFalse(r.contains("abc"), r);
        assertTrue(r.contains("'service_password' contains control characters"), r);
    }

    @Test
    void passwordIsRegisteredWithTheRedactorWhenRead() {
        String password = KeystoneFixtures.identityService().get("service_password");
        FixedEndpoint endpoint = FixedEndpoint.of(
                IdentityServiceRequirer.ENDPOINT,
                one("identity-service", "keystone", KeystoneFixtures.identityService()));
        IdentityServiceData d =
                new IdentityServiceRequirer(endpoint).read().value().orElseThrow();
        assertTrue(endpoint.registeredSecrets().contains(password), "service_password registered");
        assertFalse(d.toString().contains(password), d.toString());
    }

    @Test
    void ipv6KeystoneIsBracketedInUrls() {
        IdentityServiceData d = complete(with(KeystoneFixtures.identityService(), "auth_host", "fd00::20"));
        assertEquals("http://[fd00::20]:35357", d.authUrl());
    }

    @Test
    void blankRequestValuesAreRefusedAtConstruction() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new IdentityServiceRequest("", "RegionOne", URL, URL, URL));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new IdentityServiceRequest("masakari", "Region One", URL, URL, URL));
        assertNull(KeystonePeer.register(Map.of("service", "masakari")));
    }
}
