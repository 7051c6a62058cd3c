package dev.instanceha.interfaces.amqp;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.relation;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class AmqpRequirerTest {
    private static final String PASSWORD = "jR4nX8vB2mK6pQ9tW3yH7cF1";
    private static final AmqpRequest REQUEST = new AmqpRequest("masakari", "masakari");

    private static AmqpRequirer requirer(List<? extends RelationView> relations) {
        return new AmqpRequirer(FixedEndpoint.of(AmqpRequirer.ENDPOINT, relations));
    }

    private static Completeness<AmqpConnection> read(List<? extends RelationView> relations) {
        return requirer(relations).read(REQUEST);
    }

    /**
     * One rabbitmq-server unit's answer (juju-contract.md §5.3, anchor-charms.md §2.3): the leader
     * generates the password and every unit publishes it with its own address.
     */
    static Map<String, String> rabbit(String ip) {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses(ip));
        m.put("hostname", ip);
        m.put("password", PASSWORD);
        return m;
    }

    private AmqpConnection complete(List<? extends RelationView> rels) {
        Completeness<AmqpConnection> c = read(rels);
        assertTrue(c.isComplete(), () -> c.reason().orElse(""));
        return c.value().orElseThrow();
    }

    private static dev.instanceha.ops.model.RelationSnapshot cluster(Map<String, Map<String, String>> units) {
        return relation("amqp", 5, "rabbitmq-server", units);
    }

    @Test
    void singleBroker() {
        AmqpConnection c = complete(one("amqp", "rabbitmq-server", rabbit("10.5.0.40")));
        assertEquals("rabbit://masakari:" + PASSWORD + "@10.5.0.40:5672/masakari", c.transportUrl());
        assertFalse(c.ssl());
    }

    @Test
    void everyReadyBrokerIsInTheUrlSorted() {
        AmqpConnection c = complete(List.of(cluster(Map.of(
                "rabbitmq-server/2", rabbit("10.5.0.42"),
                "rabbitmq-server/0", rabbit("10.5.0.40"),
                "rabbitmq-server/1", rabbit("10.5.0.41")))));
        assertEquals(List.of("10.5.0.40", "10.5.0.41", "10.5.0.42"), c.hosts());
        assertEquals(
                "rabbit://masakari:" + PASSWORD + "@10.5.0.40:5672,masakari:" + PASSWORD + "@10.5.0.41:5672,masakari:"
                        + PASSWORD + "@10.5.0.42:5672/masakari",
                c.transportUrl());
    }

    @Test
    void unitsWithoutOrWithAStalePasswordAreLeftOut() {
        AmqpConnection c = complete(List.of(cluster(Map.of(
                "rabbitmq-server/0", without(rabbit("10.5.0.40"), "password"),
                "rabbitmq-server/1", rabbit("10.5.0.41"),
                "rabbitmq-server/2", with(rabbit("10.5.0.42"), "password", "old-password")))));
        assertEquals(List.of("10.5.0.41"), c.hosts());
        assertEquals(PASSWORD, c.password().reveal());
    }

    @Test
    void noPasswordAnywhereNamesTheKey() {
        Completeness<AmqpConnection> c = read(List.of(cluster(Map.of(
                "rabbitmq-server/0", Fixtures.jujuAddresses("10.5.0.40"),
                "rabbitmq-server/1", Fixtures.jujuAddresses("10.5.0.41")))));
        String r = c.reason().orElseThrow();
        assertTrue(r.contains("rabbitmq-server/0: missing 'password'"), r);
        assertTrue(r.contains("rabbitmq-server/1: missing 'password'"), r);
    }

    @Test
    void sslPortAndCaSwitchTheUrlToTls() {
        AmqpConnection c = complete(one(
                "amqp",
                "rabbitmq-server",
                with(rabbit("10.5.0.40"), "ssl_port", "5671", "ssl_ca", Fixtures.base64(Fixtures.CERT_PEM))));
        assertTrue(c.ssl());
        assertEquals(5671, c.port());
        assertEquals(Fixtures.CERT_PEM, c.sslCaPem().orElseThrow());
        assertTrue(c.transportUrl().endsWith("@10.5.0.40:5671/masakari"));
    }

    @Test
    void clusteredBrokersAreReachedThroughTheVip() {
        AmqpConnection c = complete(List.of(cluster(Map.of(
                "rabbitmq-server/0", with(rabbit("10.5.0.40"), "clustered", "true", "vip", "10.5.0.49"),
                "rabbitmq-server/1", with(rabbit("10.5.0.41"), "clustered", "true", "vip", "10.5.0.49")))));
        assertEquals(List.of("10.5.0.49"), c.hosts());
        String r = read(one("amqp", "rabbitmq-server", with(rabbit("10.5.0.40"), "clustered", "true")))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("'vip'"), r);
    }

    @Test
    void addressFallsBackToHostnameAndIsRequired() {
        AmqpConnection c = complete(one("amqp", "rabbitmq-server", without(rabbit("10.5.0.40"), "private-address")));
        assertEquals(List.of("10.5.0.40"), c.hosts());
        String r = read(one(
                        "amqp",
                        "rabbitmq-server",
                        without(without(rabbit("10.5.0.40"), "private-address"), "hostname")))
                .reason()
                .orElseThrow();
        assertTrue(r.contains("missing 'private-address'"), r);
    }

    @Test
    void malformedValuesNameTheirKey() {
        assertTrue(read(one("amqp", "rabbitmq-server", with(rabbit("10.5.0.40"), "ssl_port", "ssl")))
                .reason()
                .orElseThrow()
                .contains("'ssl_port'"));
        assertTrue(read(one("amqp", "rabbitmq-server", with(rabbit("10.5.0.40"), "private-address", "10.5.0.40 evil")))
                .reason()
                .orElseThrow()
                .contains("'private-address'"));
        assertTrue(read(one("amqp", "rabbitmq-server", with(rabbit("10.5.0.40"), "ssl_ca", "@@@")))
                .reason()
                .orElseThrow()
                .contains("'ssl_ca'"));
        assertTrue(read(one("amqp", "rabbitmq-server", with(rabbit("10.5.0.40"), "password", Fixtures.OVERSIZED)))
                .reason()
                .orElseThrow()
                .contains("'password' is too long"));
    }

    @Test
    void credentialsAndVhostArePercentEncoded() {
        var odd = new AmqpRequest("masakari", "openstack/ha");
        AmqpConnection c = requirer(one("amqp", "rabbitmq-server", with(rabbit("10.5.0.40"), "password", "pä@ss:w/rd")))
                .read(odd)
                .value()
                .orElseThrow();
        assertEquals("rabbit://masakari:p%C3%A4%40ss%3Aw%2Frd@10.5.0.40:5672/openstack%2Fha", c.transportUrl());
    }

    @Test
    void ipv6BrokersAreBracketed() {
        AmqpConnection c = complete(one("amqp", "rabbitmq-server", rabbit("fd00::40")));
        assertEquals("rabbit://masakari:" + PASSWORD + "@[fd00::40]:5672/masakari", c.transportUrl());
    }

    @Test
    void prefixedRequestReadsItsOwnPassword() {
        var prefixed = new AmqpRequest(Optional.of("nova"), "nova", "openstack");
        Map<String, String> answer = with(rabbit("10.5.0.40"), "nova_password", "nova-pw");
        assertEquals(
                "nova-pw",
                requirer(one("amqp", "rabbitmq-server", answer))
                        .read(prefixed)
                        .value()
                        .orElseThrow()
                        .password()
                        .reveal());
        assertTrue(requirer(one("amqp", "rabbitmq-server", rabbit("10.5.0.40")))
                .read(prefixed)
                .reason()
                .orElseThrow()
                .contains("missing 'nova_password'"));
    }

    @Test
    void requestRoundTripsThroughRabbitsReader() {
        FixedEndpoint endpoint = FixedEndpoint.of(AmqpRequirer.ENDPOINT);
        var requirer = new AmqpRequirer(endpoint);
        requirer.request(REQUEST);
        assertEquals(
                Map.of("", new RabbitPeer.Access("masakari", "masakari")), RabbitPeer.requests(endpoint.published()));
        // A second request on the same endpoint adds its prefixed keys to the databag.
        requirer.request(new AmqpRequest(Optional.of("nova"), "nova", "openstack"));
        Map<String, String> both = endpoint.published();
        assertEquals(
                new RabbitPeer.Access("nova", "openstack"),
                RabbitPeer.requests(both).get("nova"));
    }

    @Test
    void passwordIsRedacted() {
        AmqpConnection c = complete(one("amqp", "rabbitmq-server", rabbit("10.5.0.40")));
        assertFalse(c.toString().contains(PASSWORD));
        assertTrue(c.toString().contains("password=<redacted>"));
    }

    @Test
    void passwordIsRegisteredWithTheRedactorWhenRead() {
        FixedEndpoint endpoint =
                FixedEndpoint.of(AmqpRequirer.ENDPOINT, one("amqp", "rabbitmq-server", rabbit("10.5.0.40")));
        AmqpConnection c = new AmqpRequirer(endpoint).read(REQUEST).value().orElseThrow();
        assertTrue(endpoint.registeredSecrets().contains(PASSWORD), "password registered");
        assertFalse(c.toString().contains(PASSWORD), c.toString());
    }

    @Test
    void noRelationOrNoUnits() {
        assertEquals("amqp: not related", read(List.of()).reason().orElseThrow());
        assertEquals(
                "amqp: no remote unit has joined",
                read(List.of(cluster(Map.of()))).reason().orElseThrow());
    }
}
