package dev.instanceha.interfaces.db;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.relation;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedDbRequirerTest {
    private static final String PASSWORD = "Xk4mN8pQ2rT6vW9yB3cF7hJ1";
    private static final DatabaseRequest REQUEST = new DatabaseRequest("masakari", "masakari");

    /** masakari/1's shared-db endpoint over {@code relations}, at the address it connects from. */
    private static FixedEndpoint endpoint(List<? extends RelationView> relations) {
        return new FixedEndpoint(SharedDbRequirer.ENDPOINT, relations, "masakari/1", "10.5.0.11");
    }

    private static SharedDbRequirer requirer(List<? extends RelationView> relations) {
        return new SharedDbRequirer(endpoint(relations));
    }

    /**
     * percona-cluster / mysql-innodb-cluster answer (juju-contract.md §5.4; charm-interface-mysql-shared
     * set_db_connection_info): raw strings, allowed_units space-separated.
     */
    static Map<String, String> perconaAnswer() {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.31"));
        m.put("db_host", "10.5.0.30");
        m.put("password", PASSWORD);
        m.put("allowed_units", "masakari/0 masakari/1 masakari/2");
        return m;
    }

    /**
     * A mysql-router subordinate's answer (juju-contract.md §5.4; charm-mysql-router
     * proxy_db_and_user_responses): its local address and port, the one principal unit allowed.
     */
    static Map<String, String> mysqlRouterAnswer() {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.11"));
        m.put("db_host", "127.0.0.1");
        m.put("db_port", "3306");
        m.put("password", PASSWORD);
        m.put("allowed_units", "masakari/1");
        m.put("wait_timeout", "3600");
        return m;
    }

    private Completeness<DatabaseAccess> read(Map<String, String> unit) {
        return requirer(one("shared-db", "mysql", unit)).read(REQUEST);
    }

    @Test
    void perconaAnswerGivesAConnectionUrl() {
        DatabaseAccess a = read(perconaAnswer()).value().orElseThrow();
        assertEquals("mysql+pymysql://masakari:" + PASSWORD + "@10.5.0.30:3306/masakari", a.connectionUrl());
        assertTrue(a.waitTimeout().isEmpty());
        assertTrue(a.sslCaPem().isEmpty());
    }

    @Test
    void mysqlRouterAnswerGivesLocalConnection() {
        DatabaseAccess a = requirer(one("shared-db", "masakari-mysql-router", mysqlRouterAnswer()))
                .read(REQUEST)
                .value()
                .orElseThrow();
        assertEquals("127.0.0.1", a.host());
        assertEquals(3306, a.port());
        assertEquals(Optional.of(3600), a.waitTimeout());
    }

    @Test
    void unitMustBeListedInAllowedUnits() {
        String r = read(with(perconaAnswer(), "allowed_units", "masakari/0 masakari/2 masakari/10"))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'allowed_units' does not list masakari/1"), r);
        // A name that merely contains ours is not ours.
        assertFalse(read(with(perconaAnswer(), "allowed_units", "masakari/10 xmasakari/1"))
                .isComplete());
        assertTrue(read(with(perconaAnswer(), "allowed_units", "  masakari/1\tmasakari/0 "))
                .isComplete());
    }

    @ParameterizedTest
    @ValueSource(strings = {"db_host", "password", "allowed_units"})
    void baseKeysAreRequiredAndNamed(String key) {
        String r = read(without(perconaAnswer(), key)).reason().orElseThrow();
        assertTrue(r.contains("missing '" + key + "'"), r);
    }

    @Test
    void prefixedFormReadsPrefixedKeys() {
        var prefixed = new DatabaseRequest(Optional.of("novaapi"), "nova_api", "nova");
        Map<String, String> answer = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.31"));
        answer.put("db_host", "10.5.0.30");
        answer.put("novaapi_password", "pw-api");
        answer.put("novaapi_allowed_units", "masakari/1");
        // An unprefixed answer for another request must not satisfy the prefixed one.
        answer.put("password", "pw-other");
        answer.put("allowed_units", "masakari/1");
        DatabaseAccess a = requirer(one("shared-db", "mysql", answer))
                .read(prefixed)
                .value()
                .orElseThrow();
        assertEquals("pw-api", a.password().reveal());
        assertEquals("nova_api", a.database());
        String r = requirer(one("shared-db", "mysql", without(answer, "novaapi_password")))
                .read(prefixed)
                .reason()
                .orElseThrow();
        assertTrue(r.contains("missing 'novaapi_password'"), r);
    }

    @Test
    void requestRoundTripsThroughProvidersReader() {
        FixedEndpoint endpoint = endpoint(List.of());
        var requirer = new SharedDbRequirer(endpoint);
        requirer.request(REQUEST);
        Map<String, Map<String, String>> seen = MysqlSharedPeer.requests(endpoint.published());
        assertEquals(Map.of("", Map.of("database", "masakari", "username", "masakari", "hostname", "10.5.0.11")), seen);
        var prefixed = new DatabaseRequest(Optional.of("novaapi"), "nova_api", "nova");
        // Both requests on one endpoint: the databag holds the union, as two configure calls leave it.
        requirer.request(prefixed);
        seen = MysqlSharedPeer.requests(endpoint.published());
        assertEquals(Map.of("database", "nova_api", "username", "nova", "hostname", "10.5.0.11"), seen.get("novaapi"));
        assertEquals(2, seen.size());
        assertThrows(IllegalArgumentException.class, () -> new DatabaseRequest(Optional.of("nova_api"), "d", "u"));
    }

    @Test
    void malformedOptionalKeysAreNamed() {
        assertTrue(read(with(perconaAnswer(), "db_port", "three"))
                .reason()
                .orElseThrow()
                .contains("'db_port'"));
        assertTrue(read(with(perconaAnswer(), "wait_timeout", "-5"))
                .reason()
                .orElseThrow()
                .contains("'wait_timeout'"));
        assertTrue(read(with(perconaAnswer(), "ssl_ca", "{{not base64"))
                .reason()
                .orElseThrow()
                .contains("'ssl_ca'"));
        assertTrue(read(with(perconaAnswer(), "ssl_cert", Fixtures.base64(Fixtures.CERT_PEM)))
                .reason()
                .orElseThrow()
                .contains("'ssl_cert' and 'ssl_key'"));
        assertTrue(read(with(perconaAnswer(), "db_host", ""))
                .reason()
                .orElseThrow()
                .contains("missing 'db_host'"));
    }

    @Test
    void tlsMaterialIsDecoded() {
        DatabaseAccess a = read(with(
                        perconaAnswer(),
                        "ssl_ca",
                        Fixtures.base64(Fixtures.CERT_PEM),
                        "ssl_cert",
                        Fixtures.base64(Fixtures.CERT_PEM),
                        "ssl_key",
                        Fixtures.base64(Fixtures.KEY_PEM)))
                .value()
                .orElseThrow();
        assertEquals(Fixtures.CERT_PEM, a.sslCaPem().orElseThrow());
        assertEquals(Fixtures.KEY_PEM, a.sslKeyPem().orElseThrow().reveal());
        assertFalse(a.toString().contains("PRIVATE KEY"));
    }

    @Test
    void seriesUpgradeMakesTheDatabaseUnavailable() {
        String r = read(with(perconaAnswer(), "cluster-series-upgrading", "True"))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'cluster-series-upgrading'"), r);
        assertTrue(
                read(with(perconaAnswer(), "cluster-series-upgrading", "False")).isComplete());
    }

    @Test
    void accessNetworkIsReportedEvenBeforeAccessIsGranted() {
        var rels = one("shared-db", "mysql", Map.of("access-network", "10.20.0.0/24"));
        assertEquals(Optional.of("10.20.0.0/24"), requirer(rels).accessNetwork());
        assertFalse(requirer(rels).read(REQUEST).isComplete());
        assertEquals(
                Optional.empty(),
                requirer(one("shared-db", "mysql", perconaAnswer())).accessNetwork());
    }

    @Test
    void unicodeAndReservedCharactersArePercentEncodedInTheUrl() {
        DatabaseAccess a =
                read(with(perconaAnswer(), "password", "p@ss/wörd:1")).value().orElseThrow();
        assertEquals("p@ss/wörd:1", a.password().reveal());
        assertEquals("mysql+pymysql://masakari:p%40ss%2Fw%C3%B6rd%3A1@10.5.0.30:3306/masakari", a.connectionUrl());
    }

    @Test
    void oversizedAndMultiLinePasswordsAreRejected() {
        assertTrue(read(with(perconaAnswer(), "password", Fixtures.LONG_TEXT))
                .reason()
                .orElseThrow()
                .contains("'password' is too long"));
        assertTrue(read(with(perconaAnswer(), "password", "line1\nline2"))
                .reason()
                .orElseThrow()
                .contains("'password' contains control characters"));
    }

    @Test
    void derivedAcrossProviderUnits() {
        var rel = relation(
                "shared-db",
                9,
                "mysql",
                Map.of(
                        "mysql/0", Fixtures.jujuAddresses("10.5.0.31"),
                        "mysql/1", with(perconaAnswer(), "allowed_units", "masakari/0"),
                        "mysql/2", perconaAnswer()));
        assertTrue(requirer(List.of(rel)).read(REQUEST).isComplete());
    }

    @Test
    void passwordIsRedacted() {
        DatabaseAccess a = read(perconaAnswer()).value().orElseThrow();
        assertFalse(a.toString().contains(PASSWORD));
        assertTrue(a.toString().contains("password=<redacted>"));
    }

    @Test
    void passwordAndKeyAreRegisteredWithTheRedactorWhenRead() {
        FixedEndpoint endpoint = endpoint(one(
                "shared-db",
                "mysql",
                with(
                        perconaAnswer(),
                        "ssl_ca",
                        Fixtures.base64(Fixtures.CERT_PEM),
                        "ssl_cert",
                        Fixtures.base64(Fixtures.CERT_PEM),
                        "ssl_key",
                        Fixtures.base64(Fixtures.KEY_PEM))));
        DatabaseAccess a = new SharedDbRequirer(endpoint).read(REQUEST).value().orElseThrow();
        assertTrue(endpoint.registeredSecrets().contains(PASSWORD), "password registered");
        assertTrue(endpoint.registeredSecrets().contains(Fixtures.KEY_PEM), "ssl_key registered");
        assertFalse(a.toString().contains(PASSWORD), a.toString());
        assertFalse(a.toString().contains(Fixtures.KEY_PEM), a.toString());
    }
}
