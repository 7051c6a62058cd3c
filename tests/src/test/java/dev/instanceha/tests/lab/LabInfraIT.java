package dev.instanceha.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.client.KeystoneToken;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared infrastructure handles point at the real, prepared services. */
@LabTest(computes = 3)
class LabInfraIT {
    @Test
    void masakariDatabaseIsSyncedAndOnlyTheRightPasswordGetsIn(Database db) {
        String tables = db.query("masakari", db.servicePassword(), "masakari", "SHOW TABLES");
        for (String t : new String[] {"failover_segments", "hosts", "notifications"}) {
            assertTrue(tables.lines().anyMatch(t::equals), "table " + t + " in " + tables);
        }
        assertThrows(Lab.LabUnavailable.class, () -> db.query("masakari", "wrong", "masakari", "SELECT 1"));
        assertTrue(db.sqlalchemyUrl("masakari").startsWith("mysql+pymysql://masakari:"));
    }

    @Test
    void brokerSpeaksAmqpAndMasakariIsConnectedToItsVhost(Broker broker) throws Exception {
        byte[] frame = broker.amqpHandshake();
        assertEquals(11, frame.length);
        assertEquals(1, frame[0], "method frame");
        assertEquals(10, frame[8], "class connection");
        assertEquals(10, frame[10], "method start");
        String conns = Lab.run(Duration.ofSeconds(30), "rabbitmqctl", "-q", "list_connections", "user", "vhost");
        assertTrue(
                conns.lines().anyMatch(l -> l.matches("masakari\\s+masakari")),
                "masakari-api/engine connected to vhost masakari: " + conns);
        assertEquals("rabbit://masakari:" + broker.password() + "@127.0.0.1:5672/masakari", broker.transportUrl());
    }

    @Test
    void keystoneIssuesScopedTokensAndRefusesBadPasswords(Keystone ks) {
        KeystoneToken admin = ks.admin();
        assertTrue(
                admin.body().get("roles").toString().contains("\"admin\""),
                admin.body().get("roles").toString());
        KeystoneToken service = ks.service();
        assertEquals("services", service.body().at("/project/name").asText());
        assertTrue(service.body().get("roles").toString().contains("\"admin\""), "masakari is admin in services");
        assertEquals(ks.url() + "/v3", Keystone.endpoint(admin, "identity", "public"));
        assertThrows(AssertionError.class, () -> ks.login("admin", "wrong", "admin"));
        Http.Response check = Http.call(
                "GET",
                ks.url() + "/v3/auth/tokens",
                null,
                Map.of("X-Auth-Token", admin.id(), "X-Subject-Token", service.id()));
        assertEquals(200, check.status(), "the service token validates");
    }
}
