package dev.instanceha.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.ops.client.KeystoneToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real masakari-api + engine, real Keystone, real MariaDB/RabbitMQ; Nova is the simulator. */
@LabTest(computes = 3)
class LabMasakariIT {
    private static final String PREFIX = "lab-it-";
    /** Compute hosts of this test's own (Nova-only) so it never collides with cluster hosts other tests register. */
    private static final List<String> HOSTS = List.of(PREFIX + "host-a", PREFIX + "host-b", PREFIX + "host-c");

    private final Masakari masakari;
    private final NovaSim nova;
    private Masakari.Client client;

    LabMasakariIT(Masakari masakari, NovaSim nova) {
        this.masakari = masakari;
        this.nova = nova;
    }

    @BeforeEach
    void clean() {
        client = masakari.admin();
        client.deleteSegments(PREFIX);
        for (String h : HOSTS) {
            nova.addHost(h);
            nova.restoreHost(h);
        }
    }

    @AfterEach
    void cleanAfter() {
        client.deleteSegments(PREFIX);
        for (String h : HOSTS) {
            nova.restoreHost(h);
        }
    }

    @Test
    void catalogNamesMasakariAndATokenIsRequired() {
        KeystoneToken admin = masakari.keystone().admin();
        assertEquals(
                masakari.url() + "/v1/" + admin.projectId(),
                client.endpoint(),
                "instance-ha endpoint from the catalog, tenant substituted");
        assertEquals("http://127.0.0.1:" + Lab.NOVA_PORT + "/v2.1", Keystone.endpoint(admin, "compute", "public"));
        Http.Response anonymous = Http.call("GET", client.endpoint() + "/segments", null, Map.of());
        assertEquals(401, anonymous.status(), anonymous.body());
        Http.Response badToken =
                Http.call("GET", client.endpoint() + "/segments", null, Map.of("X-Auth-Token", "nope"));
        assertEquals(401, badToken.status(), badToken.body());
    }

    @Test
    void segmentAndHostAreCreatedAfterNovaConfirmsTheComputeService() {
        JsonNode seg = client.createSegment(PREFIX + "seg", "auto");
        String segId = seg.get("uuid").asText();
        assertEquals("auto", seg.get("recovery_method").asText());

        String a = HOSTS.get(0);
        Http.Response host = client.createHost(segId, a).expect(201);
        assertEquals(a, host.json().at("/host/name").asText());
        assertEquals(false, host.json().at("/host/on_maintenance").asBoolean());

        // masakari-api asks Nova (found through Keystone's catalog) whether the compute service exists.
        Http.Response unknown = client.createHost(segId, PREFIX + "not-a-compute");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(
                unknown.body().contains("Compute service with name " + PREFIX + "not-a-compute could not be found"),
                unknown.body());

        Http.Response dup = client.createHost(segId, a);
        assertEquals(409, dup.status(), dup.body());

        JsonNode hosts = client.call("GET", "/segments/" + segId + "/hosts", null)
                .expect(200)
                .json()
                .get("hosts");
        assertEquals(1, hosts.size());
    }

    @Test
    void computeHostNotificationEvacuatesTheServerThroughTheRealEngine() throws Exception {
        String segId =
                client.createSegment(PREFIX + "recovery", "auto").get("uuid").asText();
        for (String h : HOSTS) {
            client.createHost(segId, h).expect(201);
        }
        String failedHost = HOSTS.get(0);
        String vm = nova.addServer(PREFIX + "vm", failedHost);
        nova.setHostState(failedHost, false); // the failed host stops heartbeating; nova refuses evacuation otherwise

        Http.Response posted = client.notifyHostDown(failedHost);
        assertTrue(posted.status() == 200 || posted.status() == 202, posted.status() + " " + posted.body());
        String uuid = posted.json().at("/notification/notification_uuid").asText();

        JsonNode done = client.awaitNotification(uuid, Duration.ofSeconds(120));
        assertEquals("finished", done.get("status").asText(), done.toString());

        String newHost = nova.hostOf(vm);
        assertNotEquals(failedHost, newHost, "the server left the failed host");
        JsonNode target = nova.service(newHost);
        assertEquals("enabled", target.get("status").asText(), "evacuated to an enabled compute host");
        assertEquals("up", target.get("state").asText(), "evacuated to a live compute host");
        assertEquals("active", nova.server(vm).get("OS-EXT-STS:vm_state").asText());
        assertEquals(false, nova.server(vm).get("locked").asBoolean(), "masakari unlocks after evacuation");

        JsonNode service = nova.service(failedHost);
        assertEquals("disabled", service.get("status").asText(), "the engine disabled nova-compute on the failed host");
        String actions = nova.state().get("actions").toString();
        assertTrue(actions.contains("\"kind\":\"evacuate\",\"target\":\"" + vm + "\""), actions);

        JsonNode failed = client.call("GET", "/segments/" + segId + "/hosts", null)
                .expect(200)
                .json()
                .get("hosts");
        boolean maintenance = false;
        for (JsonNode h : failed) {
            if (h.get("name").asText().equals(failedHost)) {
                maintenance = h.get("on_maintenance").asBoolean();
            }
        }
        assertTrue(maintenance, "masakari leaves the recovered host on maintenance");
    }
}
