package dev.instanceha.interfaces.pacemaker;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.relation;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.model.RelationSnapshot;
import dev.instanceha.ops.model.Secret;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PacemakerRemoteTest {
    private static final String KEY = Base64.getEncoder()
            .encodeToString("pacemaker-authkey-bytes-0123456789".getBytes(StandardCharsets.US_ASCII));
    /** The cluster side reading {@code relations}. */
    private static PacemakerRemoteRequirer cluster(List<? extends dev.instanceha.ops.model.RelationView> relations) {
        return new PacemakerRemoteRequirer(FixedEndpoint.of(PacemakerRemoteRequirer.ENDPOINT, relations));
    }

    /** What the cluster side publishes on its pacemaker-remote relations for {@code key}. */
    private static Map<String, String> clusterSends(String key) {
        FixedEndpoint endpoint = FixedEndpoint.of(PacemakerRemoteRequirer.ENDPOINT);
        new PacemakerRemoteRequirer(endpoint).publish(Secret.of(key));
        return endpoint.published();
    }

    /**
     * A charm-pacemaker-remote unit's databag (anchor-charms.md §4.3): reactive to_publish, so each
     * value is JSON; stonith-hostname is JSON null unless enable-stonith is set.
     */
    static Map<String, String> remote(String fqdn, String ip, boolean stonith, boolean enableResources) {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses(ip));
        m.put("remote-hostname", "\"" + fqdn + "\"");
        m.put("remote-ip", "\"" + ip + "\"");
        m.put("stonith-hostname", stonith ? "\"" + fqdn + "\"" : "null");
        m.put("enable-resources", enableResources ? "true" : "false");
        return m;
    }

    /** A charm-hacluster unit's databag on pacemaker-remote: the key raw, not JSON (anchor-charms.md §4.3). */
    static Map<String, String> hacluster(String key) {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.10"));
        m.put("pacemaker-key", key);
        return m;
    }

    private static dev.instanceha.ops.model.RelationSnapshot remotes(Map<String, Map<String, String>> units) {
        return relation("pacemaker-remote", 12, "pacemaker-remote", units);
    }

    @Test
    void remoteAnnouncementIsJsonEncodedLikeUpstream() {
        RemoteNode node = new RemoteNode("compute-1.maas", "10.0.0.21", Optional.of("compute-1.maas"), false);
        FixedEndpoint endpoint = FixedEndpoint.of(PacemakerRemoteProvider.ENDPOINT);
        new PacemakerRemoteProvider(endpoint).publish(node);
        Map<String, String> sent = endpoint.published();
        assertEquals("\"compute-1.maas\"", sent.get("remote-hostname"));
        assertEquals("\"10.0.0.21\"", sent.get("remote-ip"));
        assertEquals("\"compute-1.maas\"", sent.get("stonith-hostname"));
        assertEquals("false", sent.get("enable-resources"));
        assertEquals(
                without(remote("compute-1.maas", "10.0.0.21", true, false), "private-address").keySet().stream()
                        .filter(k -> !k.endsWith("address") && !k.equals("egress-subnets"))
                        .toList(),
                List.copyOf(new TreeMap<>(sent).keySet()));
        assertEquals(
                "null",
                new RemoteNode("c.maas", "10.0.0.2", Optional.empty(), true)
                        .unitData()
                        .get("stonith-hostname"));
    }

    @Test
    void whatTheRemoteSendsParsesWithJsonLoadsAsHaclusterDoes() throws Exception {
        // charm-hacluster parse_data: json.loads of each value.
        ObjectMapper json = new ObjectMapper();
        Map<String, String> sent = new RemoteNode("compute-1.maas", "fd00::21", Optional.empty(), true).unitData();
        assertEquals(
                "compute-1.maas", json.readTree(sent.get("remote-hostname")).asText());
        assertEquals("fd00::21", json.readTree(sent.get("remote-ip")).asText());
        JsonNode stonith = json.readTree(sent.get("stonith-hostname"));
        assertTrue(stonith.isNull());
        assertTrue(json.readTree(sent.get("enable-resources")).asBoolean());
        // ...and our cluster side reads the same node back.
        RemoteNodes nodes =
                cluster(one("pacemaker-remote", "pacemaker-remote", sent)).read();
        assertEquals(
                new RemoteNode("compute-1.maas", "fd00::21", Optional.empty(), true),
                nodes.ready().get("pacemaker-remote/0"));
    }

    @Test
    void clusterReadsEveryRemoteAndKeepsBadOnesApart() {
        Map<String, String> raw = with(
                remote("compute-3.maas", "10.0.0.23", false, false),
                "remote-hostname",
                "compute-3.maas"); // not JSON: upstream hacluster would crash on it
        RemoteNodes nodes = cluster(List.of(remotes(Map.of(
                        "pacemaker-remote/0", remote("compute-1.maas", "10.0.0.21", true, false),
                        "pacemaker-remote/1", remote("compute-2.maas", "10.0.0.22", true, false),
                        "pacemaker-remote/2", raw))))
                .read();
        assertEquals(
                List.of("pacemaker-remote/0", "pacemaker-remote/1"),
                List.copyOf(nodes.ready().keySet()));
        assertEquals(
                "compute-1.maas",
                nodes.ready().get("pacemaker-remote/0").stonithHostname().orElseThrow());
        String why = nodes.incomplete().get("pacemaker-remote/2");
        assertTrue(why.contains("'remote-hostname' is not valid JSON"), why);
        assertEquals(Optional.of(false), nodes.enableResources().value());
    }

    @Test
    void enableResourcesMustBeConsistent() {
        RemoteNodes mixed = cluster(List.of(remotes(Map.of(
                        "pacemaker-remote/0", remote("compute-1.maas", "10.0.0.21", false, false),
                        "pacemaker-remote/1", remote("compute-2.maas", "10.0.0.22", false, true)))))
                .read();
        String why = mixed.enableResources().reason().orElseThrow();
        assertTrue(why.contains("inconsistent 'enable-resources'"), why);
        assertTrue(why.contains("pacemaker-remote/1 says true"), why);
        assertFalse(cluster(List.of()).read().enableResources().isComplete());
        // charm-hacluster's literal_eval fallback accepts Python's spelling; so do we.
        RemoteNodes python = cluster(one(
                        "pacemaker-remote",
                        "pacemaker-remote",
                        with(remote("compute-1.maas", "10.0.0.21", false, true), "enable-resources", "False")))
                .read();
        assertEquals(Optional.of(false), python.enableResources().value());
    }

    @Test
    void malformedAnnouncementsNameTheKey() {
        Map<String, String> good = remote("compute-1.maas", "10.0.0.21", true, false);
        assertIncomplete(without(good, "remote-hostname"), "missing 'remote-hostname'");
        assertIncomplete(with(good, "remote-hostname", "null"), "missing 'remote-hostname'");
        assertIncomplete(without(good, "remote-ip"), "missing 'remote-ip'");
        assertIncomplete(without(good, "enable-resources"), "missing 'enable-resources'");
        assertIncomplete(
                with(good, "remote-ip", "\"compute-1.maas\""), "'remote-ip' 'compute-1.maas' is not an IP address");
        assertIncomplete(with(good, "remote-hostname", "42"), "'remote-hostname' is not a JSON string");
        assertIncomplete(with(good, "remote-hostname", "\"compute-1.maas"), "'remote-hostname' is not valid JSON");
        assertIncomplete(with(good, "stonith-hostname", "[\"a\"]"), "'stonith-hostname'");
        assertIncomplete(with(good, "enable-resources", "\"false\""), "'enable-resources' is not a JSON boolean");
        assertIncomplete(with(good, "remote-hostname", "\"c\\u00f6mpute.maas\""), "'remote-hostname'");
        assertIncomplete(
                with(good, "remote-hostname", "\"" + Fixtures.OVERSIZED + "\""), "'remote-hostname' is too long");
    }

    @Test
    void namesPacemakerCannotUseAsIdsAreRefusedNamingKeyAndName() {
        Map<String, String> good = remote("compute-1.maas", "10.0.0.21", true, false);
        assertIncomplete(
                with(good, "remote-hostname", "\"1compute.maas\""),
                "pacemaker-remote/0: 'remote-hostname' '1compute.maas' is not a valid pacemaker id: it must start with a letter or '_'");
        assertIncomplete(
                with(good, "remote-hostname", "\"10.0.0.300\""),
                "'remote-hostname' '10.0.0.300' is not a DNS host name");
        assertIncomplete(
                with(good, "remote-hostname", "\"10.0.0.21\""),
                "'remote-hostname' '10.0.0.21' is an IP address, not a host name");
        assertIncomplete(
                with(good, "remote-hostname", "\"compute-1.maas.\""),
                "'remote-hostname' 'compute-1.maas.' is not a DNS");
        assertIncomplete(
                with(good, "stonith-hostname", "\"10.0.0.300\""),
                "'stonith-hostname' '10.0.0.300' is not a DNS host name");
        assertIncomplete(with(good, "remote-ip", "\"10.0.0.300\""), "'remote-ip' '10.0.0.300' is not an IP address");
        // A long or multi-line value is named by key only: no status carries it.
        String why = cluster(one("pacemaker-remote", "pacemaker-remote", with(good, "remote-hostname", "\"a\\nb\"")))
                .read()
                .incomplete()
                .get("pacemaker-remote/0");
        assertFalse(why.contains("\n"), why);
        assertTrue(why.contains("'remote-hostname' is not a DNS host name"), why);
    }

    @Test
    void malformedIsToldApartFromNotYetSent() {
        Map<String, String> good = remote("compute-1.maas", "10.0.0.21", true, false);
        RemoteNodes nodes = cluster(List.of(remotes(Map.of(
                        "pacemaker-remote/0", good,
                        "pacemaker-remote/1", without(remote("compute-2.maas", "10.0.0.22", true, false), "remote-ip"),
                        "pacemaker-remote/2",
                                with(remote("compute-3.maas", "10.0.0.23", true, false), "remote-ip", "10.0.0.23"),
                        "pacemaker-remote/10",
                                with(
                                        remote("compute-4.maas", "10.0.0.24", true, false),
                                        "remote-hostname",
                                        "\"4c\"")))))
                .read();
        assertEquals(List.of("pacemaker-remote/0"), List.copyOf(nodes.ready().keySet()));
        assertEquals(
                List.of("pacemaker-remote/1", "pacemaker-remote/2", "pacemaker-remote/10"),
                List.copyOf(nodes.incomplete().keySet()),
                "Juju's unit order");
        assertEquals(List.of("pacemaker-remote/2", "pacemaker-remote/10"), List.copyOf(nodes.malformed()));
    }

    @Test
    void remoteNodeNameRules() {
        for (String ok : List.of("compute-1.maas", "compute1", "_c", "nova-host-1.cloud.example", "c.1a", "C_2.maas")) {
            assertTrue(RemoteNodeName.isValid(ok), ok);
        }
        for (String bad : List.of(
                "1compute",
                "1compute.maas",
                "10.0.0.300",
                "300",
                "-c",
                "c-",
                "c..d",
                "c d",
                "c:d",
                "fd00::1",
                "10.0.0.1",
                "c.maas.",
                "",
                "compute.1",
                "c\u00f6.maas")) {
            assertFalse(RemoteNodeName.isValid(bad), bad);
        }
        assertFalse(RemoteNodeName.isDnsName("10.0.0.300"));
        assertTrue(RemoteNodeName.isDnsName("1node.maas"), "a DNS name, only not a pacemaker id");
        assertThrows(
                IllegalArgumentException.class, () -> new RemoteNode("1compute", "10.0.0.1", Optional.empty(), true));
        assertThrows(IllegalArgumentException.class, () -> new RemoteNode("c.maas", "c.maas", Optional.empty(), true));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RemoteNode("c.maas", "10.0.0.1", Optional.of("10.0.0.300"), true));
    }

    /** The remote node's side over these relations. */
    private static PacemakerRemoteProvider remoteSide(List<RelationSnapshot> relations) {
        return new PacemakerRemoteProvider(FixedEndpoint.of(PacemakerRemoteProvider.ENDPOINT, relations));
    }

    @Test
    void remoteGetsTheKeyFromHacluster() {
        Map<String, String> sent = clusterSends(KEY);
        assertEquals(KEY, sent.get("pacemaker-key"), "raw base64, not JSON");
        FixedEndpoint endpoint =
                FixedEndpoint.of(PacemakerRemoteProvider.ENDPOINT, one("pacemaker-remote", "hacluster", sent));
        PacemakerKey key = new PacemakerRemoteProvider(endpoint).read().value().orElseThrow();
        assertArrayEquals("pacemaker-authkey-bytes-0123456789".getBytes(StandardCharsets.US_ASCII), key.bytes());
        assertEquals(List.of(KEY), endpoint.registeredSecrets(), "the key is masked in every log line");
    }

    @Test
    void aFullSizeAuthkeyOf4096BytesIsAccepted() {
        // dd if=/dev/urandom bs=4096 count=1: the size pacemaker's documentation uses; 5464 base64 chars.
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        String encoded = java.util.Base64.getEncoder().encodeToString(bytes);
        PacemakerKey key = remoteSide(one("pacemaker-remote", "hacluster", clusterSends(encoded)))
                .read()
                .value()
                .orElseThrow();
        assertArrayEquals(bytes, key.bytes());
    }

    @Test
    void keyMustAgreeAcrossHaclusterUnits() {
        var agree = relation(
                "pacemaker-remote",
                3,
                "hacluster",
                Map.of(
                        "hacluster/0",
                        hacluster(KEY),
                        "hacluster/1",
                        Fixtures.jujuAddresses("10.5.0.11"),
                        "hacluster/2",
                        hacluster(KEY)));
        assertTrue(remoteSide(List.of(agree)).read().isComplete());
        String other = Base64.getEncoder().encodeToString("another".getBytes(StandardCharsets.US_ASCII));
        var disagree = relation(
                "pacemaker-remote",
                3,
                "hacluster",
                Map.of("hacluster/0", hacluster(KEY), "hacluster/2", hacluster(other)));
        String why = remoteSide(List.of(disagree)).read().reason().orElseThrow();
        assertTrue(why.contains("inconsistent 'pacemaker-key' between hacluster/0 and hacluster/2"), why);
        assertFalse(why.contains(KEY), "a reason never shows the key");
        String missing = remoteSide(one("pacemaker-remote", "hacluster", Fixtures.jujuAddresses("10.5.0.10")))
                .read()
                .reason()
                .orElseThrow();
        assertTrue(missing.contains("missing 'pacemaker-key'"), missing);
        String bad = remoteSide(one("pacemaker-remote", "hacluster", hacluster("\"" + KEY + "\"")))
                .read()
                .reason()
                .orElseThrow();
        assertTrue(bad.contains("'pacemaker-key' is not valid base64"), bad);
    }

    @Test
    void keyIsRedacted() {
        assertFalse(new PacemakerKey(KEY).toString().contains(KEY));
        assertThrows(IllegalArgumentException.class, () -> new PacemakerKey("***"));
        assertThrows(
                IllegalArgumentException.class, () -> new RemoteNode("compute 1", "10.0.0.1", Optional.empty(), true));
    }

    private void assertIncomplete(Map<String, String> unit, String expected) {
        RemoteNodes nodes =
                cluster(one("pacemaker-remote", "pacemaker-remote", unit)).read();
        assertTrue(nodes.ready().isEmpty(), expected);
        String why = nodes.incomplete().get("pacemaker-remote/0");
        assertTrue(why.contains(expected), why);
        Completeness<Boolean> enable = nodes.enableResources();
        assertFalse(enable.isComplete());
    }
}
