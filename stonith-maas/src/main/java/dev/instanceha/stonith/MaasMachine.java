package dev.instanceha.stonith;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a MAAS machine object the agent uses. */
public record MaasMachine(String systemId, String hostname, String fqdn, PowerState powerState, String powerType) {

    static MaasMachine from(JsonNode json) throws MaasException {
        String systemId = json.path("system_id").asText("");
        String hostname = json.path("hostname").asText("");
        if (systemId.isEmpty() || hostname.isEmpty()) {
            throw new MaasException(MaasException.Kind.PROTOCOL, "MAAS returned a machine without system_id/hostname");
        }
        String fqdn = json.path("fqdn").asText(hostname);
        return new MaasMachine(systemId, hostname, fqdn, PowerState.parse(json.path("power_state").asText(null)),
                json.path("power_type").asText(""));
    }
}
