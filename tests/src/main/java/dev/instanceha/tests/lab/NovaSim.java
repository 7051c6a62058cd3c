package dev.instanceha.tests.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Handle on the lab's Nova simulator (its /_sim control endpoints; the API itself is for masakari). */
public final class NovaSim {
    private final String url;

    NovaSim(String url) {
        this.url = url;
    }

    /** http://127.0.0.1:8774 */
    public String url() {
        return url;
    }

    /** Places an ACTIVE server on a compute host; returns its id. */
    public String addServer(String name, String host) {
        return Http.call("POST", url + "/_sim/servers", Map.of("name", name, "host", host), Map.of())
                .expect(201)
                .json()
                .at("/server/id")
                .asText();
    }

    /** The server as the compute API shows it (OS-EXT-SRV-ATTR:host, OS-EXT-STS:vm_state, ...). */
    public JsonNode server(String id) {
        return Http.call("GET", url + "/_sim/servers/" + id, null, Map.of())
                .expect(200)
                .json()
                .get("server");
    }

    public String hostOf(String serverId) {
        return server(serverId).get("OS-EXT-SRV-ATTR:host").asText();
    }

    /** Marks a compute service up or down (what nova learns from heartbeats). */
    public void setHostState(String host, boolean up) {
        Http.call("PUT", url + "/_sim/hosts/" + host + "/state", Map.of("state", up ? "up" : "down"), Map.of())
                .expect(200);
    }

    public void addHost(String host) {
        Http.call("POST", url + "/_sim/hosts", Map.of("host", host), Map.of()).expect(201);
    }

    /** services, servers and the ordered action log. */
    public JsonNode state() {
        return Http.call("GET", url + "/_sim/state", null, Map.of()).expect(200).json();
    }

    /** The nova-compute service record of a host. */
    public JsonNode service(String host) {
        for (JsonNode s : state().get("services")) {
            if (host.equals(s.get("host").asText())) {
                return s;
            }
        }
        throw new AssertionError("no nova-compute service for " + host);
    }

    /** Re-enables and marks up a host's service (test cleanup). */
    public void restoreHost(String host) {
        setHostState(host, true);
        String id = service(host).get("id").asText();
        // The simulator checks only that a token is present; Keystone is not involved in this control call.
        Http.call(
                        "PUT",
                        url + "/v2.1/os-services/" + id,
                        Map.of("status", "enabled"),
                        Map.of("X-Auth-Token", "lab-test"))
                .expect(200);
    }
}
