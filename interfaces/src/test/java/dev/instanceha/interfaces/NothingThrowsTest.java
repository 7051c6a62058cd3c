package dev.instanceha.interfaces;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.amqp.AmqpRequest;
import dev.instanceha.interfaces.amqp.AmqpRequirer;
import dev.instanceha.interfaces.db.DatabaseRequest;
import dev.instanceha.interfaces.db.SharedDbRequirer;
import dev.instanceha.interfaces.hacluster.HaClusterProvider;
import dev.instanceha.interfaces.hacluster.HaClusterRequirer;
import dev.instanceha.interfaces.identity.IdentityCredentialsRequirer;
import dev.instanceha.interfaces.identity.IdentityServiceRequirer;
import dev.instanceha.interfaces.jujuinfo.JujuInfoRequirer;
import dev.instanceha.interfaces.pacemaker.PacemakerRemoteProvider;
import dev.instanceha.interfaces.pacemaker.PacemakerRemoteRequirer;
import dev.instanceha.interfaces.tls.CertificateRequest;
import dev.instanceha.interfaces.tls.CertificatesRequirer;
import dev.instanceha.ops.model.RelationSnapshot;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random databags built from every key the interfaces read and from hostile values: every reader
 * must answer Complete or Incomplete-with-a-reason, never throw.
 */
class NothingThrowsTest {
    private static final List<String> KEYS = List.of(
            "private-address",
            "ingress-address",
            "egress-subnets",
            "admin_token",
            "service_host",
            "service_port",
            "service_protocol",
            "auth_host",
            "auth_port",
            "auth_protocol",
            "internal_host",
            "internal_port",
            "internal_protocol",
            "service_username",
            "service_password",
            "service_tenant",
            "service_tenant_id",
            "api_version",
            "ca_cert",
            "https_keystone",
            "credentials_host",
            "credentials_port",
            "credentials_protocol",
            "credentials_username",
            "credentials_password",
            "credentials_project",
            "credentials_project_id",
            "db_host",
            "db_port",
            "password",
            "allowed_units",
            "ssl_ca",
            "ssl_cert",
            "ssl_key",
            "wait_timeout",
            "cluster-series-upgrading",
            "access-network",
            "hostname",
            "ssl_port",
            "clustered",
            "vip",
            "ha_queues",
            "ca",
            "chain",
            "masakari_0.processed_requests",
            "json_resources",
            "json_resource_params",
            "json_groups",
            "json_init_services",
            "json_delete_resources",
            "resources",
            "init_services",
            "corosync_bindiface",
            "corosync_mcastport",
            "remote-hostname",
            "remote-ip",
            "stonith-hostname",
            "enable-resources",
            "pacemaker-key");

    private static final List<String> VALUES = List.of(
            "",
            " ",
            "__null__",
            "null",
            "true",
            "True",
            "yes",
            "-1",
            "0",
            "65536",
            "3306",
            "5672",
            "10.5.0.1",
            "fd00::1",
            "::",
            "host.example",
            "masakari/0",
            "masakari/0 masakari/1",
            "{",
            "}",
            "[",
            "]",
            "{}",
            "[]",
            "\"",
            "\"\"",
            "\"x.maas\"",
            "\"10.0.0.1\"",
            "[null]",
            "{\"a\": null}",
            "{\"res\": 1}",
            "{\"res_a\": \"lsb:haproxy\"}",
            "{'res_a': 'lsb:haproxy'}",
            "('a',)",
            "{\"10.5.0.10\": {\"cert\": null}}",
            "{\"10.5.0.10\": []}",
            "{\"10.5.0.10\": {\"cert\": \"x\", \"key\": 1}}",
            "-----BEGIN X-----\n-----END X-----",
            "LS0tLS1CRUdJTiBY",
            "%%%",
            "\u0000",
            "\n",
            "é",
            "☃",
            "🔑",
            "\uD800",
            "1e309",
            "99999999999999999999",
            "[".repeat(3000),
            "{\"a\":".repeat(2000));

    @Test
    void randomPeerDataNeverThrows() {
        Random random = new Random(20261124L);
        List<Function<List<RelationSnapshot>, Object>> readers = readers();
        for (int round = 0; round < 1500; round++) {
            Map<String, Map<String, String>> units = new HashMap<>();
            int unitCount = random.nextInt(3);
            for (int u = 0; u < unitCount; u++) {
                Map<String, String> bag = new HashMap<>();
                int keys = random.nextInt(KEYS.size());
                for (int k = 0; k < keys; k++) {
                    bag.put(KEYS.get(random.nextInt(KEYS.size())), value(random));
                }
                units.put("peer/" + u, bag);
            }
            List<RelationSnapshot> rels = List.of(RelationSnapshot.ofRemote("x", 1, "peer", Map.of(), units));
            for (Function<List<RelationSnapshot>, Object> reader : readers) {
                Object result = assertDoesNotThrow(() -> reader.apply(rels), () -> "databags " + units);
                if (result instanceof Completeness<?> c) {
                    assertTrue(c.isComplete() || !c.reason().orElseThrow().isBlank());
                }
            }
        }
    }

    @Test
    void fuzzerReachesCompleteAndIncompleteResults() {
        // Guards the fuzzer itself: a realistic bag must still read as complete through the same path.
        Map<String, String> bag = new HashMap<>(Fixtures.jujuAddresses("10.5.0.40"));
        bag.put("password", "pw");
        var rels = List.of(RelationSnapshot.ofRemote("x", 1, "peer", Map.of(), Map.of("peer/0", bag)));
        Object amqp = readers().get(3).apply(rels);
        assertTrue(((Completeness<?>) amqp).isComplete());
        assertFalse(((Completeness<?>) readers().get(0).apply(rels)).isComplete());
    }

    private static String value(Random random) {
        StringBuilder v = new StringBuilder(VALUES.get(random.nextInt(VALUES.size())));
        if (random.nextInt(4) == 0) {
            v.append(VALUES.get(random.nextInt(VALUES.size())));
        }
        if (random.nextInt(50) == 0) {
            v.append(Fixtures.OVERSIZED);
        }
        return v.toString();
    }

    private static List<Function<List<RelationSnapshot>, Object>> readers() {
        List<Function<List<RelationSnapshot>, Object>> readers = new ArrayList<>();
        readers.add(
                rels -> new IdentityServiceRequirer(FixedEndpoint.of(IdentityServiceRequirer.ENDPOINT, rels)).read());
        readers.add(rels ->
                new IdentityCredentialsRequirer(FixedEndpoint.of(IdentityCredentialsRequirer.ENDPOINT, rels)).read());
        readers.add(rels -> new SharedDbRequirer(
                        FixedEndpoint.of(SharedDbRequirer.ENDPOINT, rels).asUnit("masakari/0"))
                .read(new DatabaseRequest("masakari", "masakari")));
        readers.add(rels -> new AmqpRequirer(FixedEndpoint.of(AmqpRequirer.ENDPOINT, rels))
                .read(new AmqpRequest("masakari", "masakari")));
        readers.add(rels -> new CertificatesRequirer(
                        FixedEndpoint.of(CertificatesRequirer.ENDPOINT, rels).asUnit("masakari/0"))
                .read(List.of(new CertificateRequest("10.5.0.10", List.of()))));
        readers.add(rels -> new HaClusterRequirer(FixedEndpoint.of(HaClusterRequirer.ENDPOINT, rels)).read());
        readers.add(rels -> new HaClusterProvider(FixedEndpoint.of(HaClusterProvider.ENDPOINT, rels)).read());
        readers.add(
                rels -> new PacemakerRemoteProvider(FixedEndpoint.of(PacemakerRemoteProvider.ENDPOINT, rels)).read());
        readers.add(rels -> {
            var nodes = new PacemakerRemoteRequirer(FixedEndpoint.of(PacemakerRemoteRequirer.ENDPOINT, rels)).read();
            return nodes.enableResources();
        });
        readers.add(rels -> new JujuInfoRequirer(FixedEndpoint.of(JujuInfoRequirer.CONTAINER_ENDPOINT, rels)).read());
        return readers;
    }
}
