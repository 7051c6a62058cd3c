package dev.instanceha.hacluster.cib;

import dev.instanceha.hacluster.MaasSettings;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MAAS fencing device: one {@code stonith:fence_maas} primitive named {@code st-maas} (upstream's
 * name, so an in-place swap replaces upstream's {@code external/maas} device and its in-CIB key)
 * covering every remote node that asked to be fenced. The CIB gets the key file's path, never the key.
 */
public final class StonithDevice {
    public static final String ID = "st-maas";
    public static final String AGENT_TYPE = "fence_maas";
    /** Written root-only on every member by the charm; pacemaker-fenced runs as root. */
    public static final String API_KEY_FILE = "/etc/pacemaker/maas-api.key";

    public static final String MONITOR_INTERVAL = "25s";

    private StonithDevice() {}

    /** Remotes that published a stonith-hostname, sorted by node name. */
    public static List<RemoteNode> fenced(List<RemoteNode> remotes) {
        return RemoteResources.sorted(remotes).stream()
                .filter(r -> r.stonithHostname().isPresent())
                .toList();
    }

    /** Empty when MAAS is not configured or no remote asked for fencing. */
    public static Optional<XmlNode> toCib(Optional<MaasSettings> maas, List<RemoteNode> remotes) {
        List<RemoteNode> fenced = fenced(remotes);
        if (maas.isEmpty() || fenced.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("url", maas.get().url());
        params.put("api_key_file", API_KEY_FILE);
        params.put(
                "pcmk_host_list",
                String.join(" ", fenced.stream().map(RemoteNode::hostname).toList()));
        // fence_maas looks a node up by this map first: needed where the node name is not MAAS's name.
        String map = String.join(
                ";",
                fenced.stream()
                        .filter(r -> !r.stonithHostname().get().equals(r.hostname()))
                        .map(r -> r.hostname() + ":" + r.stonithHostname().get())
                        .toList());
        if (!map.isEmpty()) {
            params.put("hostname_map", map);
        }
        params.put("power_timeout", Integer.toString(maas.get().powerTimeout()));
        XmlNode ops = XmlNode.of(
                "operations",
                Map.of(),
                List.of(XmlNode.leaf(
                        "op",
                        Cib.attrs(
                                "id",
                                ID + "-monitor-" + MONITOR_INTERVAL,
                                "name",
                                "monitor",
                                "interval",
                                MONITOR_INTERVAL,
                                "timeout",
                                MONITOR_INTERVAL))));
        return Optional.of(XmlNode.of(
                "primitive",
                Cib.attrs("id", ID, "class", "stonith", "type", AGENT_TYPE),
                List.of(Cib.nvpairs("instance_attributes", ID, params), ops)));
    }
}
