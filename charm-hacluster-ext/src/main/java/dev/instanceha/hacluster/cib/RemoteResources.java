package dev.instanceha.hacluster.cib;

import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pacemaker-remote nodes in the CIB: one {@code ocf:pacemaker:remote} connection resource per
 * node (id = the node's name, as upstream, so nova, masakari and crm_mon agree on it), connection
 * resources spread over the members, and {@code -INFINITY} locations keeping the cluster's own
 * resources off every node that said {@code enable-resources=false}.
 */
public final class RemoteResources {
    public static final String RECONNECT_INTERVAL = "60";
    public static final String MONITOR_INTERVAL = "30s";
    /** Upstream's preference for a remote's "home" member (LP 1889094: one member loss drops few remotes). */
    public static final String PREFERRED_MEMBER_SCORE = "200";

    private RemoteResources() {
    }

    /** The remotes sorted by name: the CIB then does not depend on relation or unit order. */
    static List<RemoteNode> sorted(List<RemoteNode> remotes) {
        Map<String, RemoteNode> byName = new LinkedHashMap<>();
        remotes.stream().sorted(Comparator.comparing(RemoteNode::hostname)).forEach(r -> byName.putIfAbsent(r.hostname(), r));
        return List.copyOf(byName.values());
    }

    public static XmlNode connection(RemoteNode remote) {
        String id = remote.hostname();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("server", remote.ip());
        params.put("reconnect_interval", RECONNECT_INTERVAL);
        XmlNode ops = XmlNode.of("operations", Map.of(), List.of(XmlNode.leaf("op",
                Cib.attrs("id", id + "-monitor-" + MONITOR_INTERVAL, "name", "monitor", "interval", MONITOR_INTERVAL))));
        return XmlNode.of("primitive", Cib.attrs("id", id, "class", "ocf", "provider", "pacemaker", "type", "remote"),
                List.of(Cib.nvpairs("instance_attributes", id, params), ops));
    }

    /**
     * @param members the full members' node names (sorted here)
     * @param keepOff the cluster resources (top-level ids) that must not run on a remote that refuses them
     */
    public static CibObjects toCib(List<RemoteNode> remotes, List<String> members, List<String> keepOff) {
        List<RemoteNode> nodes = sorted(remotes);
        List<XmlNode> resources = new ArrayList<>();
        List<XmlNode> constraints = new ArrayList<>();
        List<String> homes = members.stream().sorted().distinct().toList();
        for (int i = 0; i < nodes.size(); i++) {
            RemoteNode remote = nodes.get(i);
            resources.add(connection(remote));
            if (!homes.isEmpty()) {
                String home = homes.get(i % homes.size());
                constraints.add(location(remote.hostname(), home, PREFERRED_MEMBER_SCORE));
            }
        }
        for (RemoteNode remote : nodes) {
            if (!remote.enableResources()) {
                for (String resource : keepOff) {
                    constraints.add(location(resource, remote.hostname(), "-INFINITY"));
                }
            }
        }
        return new CibObjects(resources, constraints);
    }

    /** {@code loc-<resource>-<node>}, upstream's constraint naming. */
    public static XmlNode location(String resource, String node, String score) {
        return XmlNode.leaf("rsc_location", Cib.attrs("id", "loc-" + resource + "-" + node, "rsc", resource,
                "score", score, "node", node));
    }

    public static boolean isConnection(XmlNode object) {
        return object.tag().equals("primitive") && "ocf".equals(object.attributes().get("class"))
                && "pacemaker".equals(object.attributes().get("provider")) && "remote".equals(object.attributes().get("type"));
    }
}
