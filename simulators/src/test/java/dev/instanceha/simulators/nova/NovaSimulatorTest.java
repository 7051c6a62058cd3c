package dev.instanceha.simulators.nova;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NovaSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private NovaSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = NovaSimulator.start(0, List.of("compute1", "compute2", "compute3"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> call(String method, String path, String body, boolean token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token) {
            b.header("X-Auth-Token", "t");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void apiNeedsAToken() throws Exception {
        assertEquals(401, call("GET", "/v2.1/os-services", null, false).statusCode());
        assertEquals(200, call("GET", "/v2.1/os-services", null, true).statusCode());
    }

    @Test
    void versionDocumentNamesMicroversion() throws Exception {
        JsonNode v = json(call("GET", "/v2.1/", null, false));
        assertEquals("2.53", v.at("/version/version").asText());
    }

    @Test
    void servicesFilterByHostAndBinary() throws Exception {
        JsonNode r = json(call("GET", "/v2.1/os-services?binary=nova-compute&host=compute2", null, true));
        assertEquals(1, r.get("services").size());
        assertEquals("compute2", r.at("/services/0/host").asText());
        assertEquals(
                0,
                json(call("GET", "/v2.1/os-services?host=nosuch", null, true))
                        .get("services")
                        .size());
        assertEquals(
                0,
                json(call("GET", "/v2.1/os-services?binary=nova-scheduler", null, true))
                        .get("services")
                        .size());
    }

    @Test
    void disableWithReasonThenEnable() throws Exception {
        String id = sim.inventory().serviceByHost("compute1").orElseThrow().id();
        JsonNode r = json(call(
                "PUT", "/v2.1/os-services/" + id, "{\"status\":\"disabled\",\"disabled_reason\":\"masakari\"}", true));
        assertEquals("disabled", r.at("/service/status").asText());
        assertEquals("masakari", r.at("/service/disabled_reason").asText());
        r = json(call("PUT", "/v2.1/os-services/" + id, "{\"status\":\"enabled\"}", true));
        assertEquals("enabled", r.at("/service/status").asText());
        assertTrue(r.at("/service/disabled_reason").isNull());
        assertEquals(
                404,
                call("PUT", "/v2.1/os-services/nope", "{\"status\":\"enabled\"}", true)
                        .statusCode());
    }

    @Test
    void evacuateNeedsTheSourceDownThenMovesToAnEnabledHost() throws Exception {
        String id = json(call("POST", "/_sim/servers", "{\"name\":\"vm1\",\"host\":\"compute1\"}", false))
                .at("/server/id")
                .asText();
        String evacuate = "{\"evacuate\":{}}";
        assertEquals(
                400,
                call("POST", "/v2.1/servers/" + id + "/action", evacuate, true).statusCode(),
                "nova refuses while compute1's service is up");
        call("PUT", "/_sim/hosts/compute1/state", "{\"state\":\"down\"}", false);
        String c2 = sim.inventory().serviceByHost("compute2").orElseThrow().id();
        call("PUT", "/v2.1/os-services/" + c2, "{\"status\":\"disabled\"}", true);
        assertEquals(
                200,
                call("POST", "/v2.1/servers/" + id + "/action", evacuate, true).statusCode());
        JsonNode s = json(call("GET", "/v2.1/servers/" + id, null, true));
        assertEquals(
                "compute3",
                s.at("/server/OS-EXT-SRV-ATTR:hypervisor_hostname").asText(),
                "skips the disabled compute2");
        assertEquals("active", s.at("/server/OS-EXT-STS:vm_state").asText());
        JsonNode list = json(call("GET", "/v2.1/servers/detail?all_tenants=True&host=compute1", null, true));
        assertEquals(0, list.get("servers").size());
        JsonNode state = json(call("GET", "/_sim/state", null, false));
        assertTrue(state.get("actions").toString().contains("compute1->compute3"), state.toString());
    }

    @Test
    void evacuateToNamedHostAndInjectedFault() throws Exception {
        sim.inventory().setServiceState("compute1", "down");
        String a = sim.inventory()
                .addServer("a", "compute1", null, java.util.Map.of())
                .id();
        String b = sim.inventory()
                .addServer("b", "compute1", null, java.util.Map.of())
                .id();
        assertEquals(
                200,
                call("POST", "/v2.1/servers/" + a + "/action", "{\"evacuate\":{\"host\":\"compute2\"}}", true)
                        .statusCode());
        assertEquals("compute2", sim.inventory().server(a).orElseThrow().host());
        call("PUT", "/_sim/servers/" + b + "/fault", "{\"fault\":\"error_state\"}", false);
        assertEquals(
                200,
                call("POST", "/v2.1/servers/" + b + "/action", "{\"evacuate\":{}}", true)
                        .statusCode());
        assertEquals("error", sim.inventory().server(b).orElseThrow().vmState());
        assertEquals("compute1", sim.inventory().server(b).orElseThrow().host());
    }

    @Test
    void lockResetStopStart() throws Exception {
        String id = sim.inventory()
                .addServer("a", "compute1", null, java.util.Map.of("HA_Enabled", "True"))
                .id();
        call("POST", "/v2.1/servers/" + id + "/action", "{\"lock\":null}", true);
        assertTrue(sim.inventory().server(id).orElseThrow().locked());
        call("POST", "/v2.1/servers/" + id + "/action", "{\"os-resetState\":{\"state\":\"error\"}}", true);
        assertEquals(
                "ERROR",
                json(call("GET", "/v2.1/servers/" + id, null, true))
                        .at("/server/status")
                        .asText());
        call("POST", "/v2.1/servers/" + id + "/action", "{\"os-start\":null}", true);
        assertEquals(
                "ACTIVE",
                json(call("GET", "/v2.1/servers/" + id, null, true))
                        .at("/server/status")
                        .asText());
        assertEquals(
                "True",
                json(call("GET", "/v2.1/servers/" + id, null, true))
                        .at("/server/metadata/HA_Enabled")
                        .asText());
        assertEquals(
                400,
                call("POST", "/v2.1/servers/" + id + "/action", "{\"rebootx\":null}", true)
                        .statusCode());
    }

    @Test
    void hypervisorsListEveryHost() throws Exception {
        JsonNode r = json(call("GET", "/v2.1/os-hypervisors/detail", null, true));
        assertEquals(3, r.get("hypervisors").size());
        assertEquals("compute1", r.at("/hypervisors/0/service/host").asText());
    }
}
