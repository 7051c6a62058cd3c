package dev.instanceha.stonith;

/** The fields of a MAAS machine object the agent uses. */
public record MaasMachine(String systemId, String hostname, String fqdn, PowerState powerState, String powerType) {

    static MaasMachine from(Object json) throws MaasException {
        String systemId = Json.text(json, "system_id", "");
        String hostname = Json.text(json, "hostname", "");
        if (systemId.isEmpty() || hostname.isEmpty()) {
            throw new MaasException(MaasException.Kind.PROTOCOL, "MAAS returned a machine without system_id/hostname");
        }
        return new MaasMachine(
                systemId,
                hostname,
                Json.text(json, "fqdn", hostname),
                PowerState.parse(Json.text(json, "power_state")),
                Json.text(json, "power_type", ""));
    }
}
