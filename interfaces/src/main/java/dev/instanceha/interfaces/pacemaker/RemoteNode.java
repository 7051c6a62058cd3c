package dev.instanceha.interfaces.pacemaker;

import dev.instanceha.interfaces.Json;
import dev.instanceha.interfaces.Net;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pacemaker remote node as charm-pacemaker-remote announces it: its FQDN (the pacemaker node and
 * resource name), the address pacemaker connects to, the name the fencing device knows it by (only
 * when STONITH is wanted), and whether cluster resources may run on it.
 */
public record RemoteNode(String hostname, String ip, Optional<String> stonithHostname, boolean enableResources) {
    public RemoteNode {
        if (!RemoteNodeName.isValid(hostname)) {
            throw new IllegalArgumentException("remote hostname must be a host name that is a valid pacemaker id");
        }
        if (ip == null || !Net.isIp(ip)) {
            throw new IllegalArgumentException("remote ip must be an IP address");
        }
        stonithHostname = stonithHostname == null ? Optional.empty() : stonithHostname;
        if (stonithHostname.isPresent() && !RemoteNodeName.isDnsName(stonithHostname.get())) {
            throw new IllegalArgumentException("stonith hostname must be a host name");
        }
    }

    /**
     * For the remote unit's databag. Each value is JSON-encoded (reactive to_publish): hacluster decodes
     * them with json.loads and its hook fails on a bare {@code compute-1.maas}. Without STONITH the
     * value is JSON {@code null}, as upstream publishes None.
     */
    public Map<String, String> unitData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PacemakerRemoteKeys.REMOTE_HOSTNAME, Json.encode(hostname));
        data.put(PacemakerRemoteKeys.REMOTE_IP, Json.encode(ip));
        data.put(PacemakerRemoteKeys.STONITH_HOSTNAME, Json.encode(stonithHostname.orElse(null)));
        data.put(PacemakerRemoteKeys.ENABLE_RESOURCES, Json.encode(enableResources));
        return data;
    }
}
