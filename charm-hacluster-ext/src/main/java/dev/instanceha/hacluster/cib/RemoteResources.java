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

    private RemoteResources() {}

    /** The remotes sorted by name: the CIB then does not depend on relation or unit order. */
    static List<RemoteNode> sorted(List<RemoteNode> remotes) {
        Map<String, RemoteNode> byName = new LinkedHashMap<>();
        remotes.stream()
                .sorted(Comparator.comparing(RemoteNode::hostname))
                .forEach(r -> byName.putIfAbsent(r.hostname(), r));
        return List.copyOf(byName.values());
    }

    public static XmlNode connection(RemoteNode remote) {
        String id = remote.hostname();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("server", remote.ip());
        params.put("reconnect_interval", RECONNECT_INTERVAL);
        XmlNode ops = XmlNode.of(
                "operations",
                Map.of(),
                List.of(XmlNode.leaf(
                        "op",
                        Cib.attrs(
                                "id",
                                id + "-monitor-" + MONITOR_INTERVAL,
                                "name",
                                "monitor",
                                "interval",
                                MONITOR_INTERVAL))));
        return XmlNode.of(
                "primitive",
                Cib.attrs("id", id, "class", "ocf", "provider", "pacemaker", "type", "remote"),
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
        return XmlNode.leaf(
                "rsc_location",
                Cib.attrs("id", "loc-" + resource + "-" + node, "rsc", resource, "score", score, "node", node));
    }

    /**
     * The remote nodes a live configuration registers, rebuilt from its connection resources (name,
     * server), the fencing device (pcmk_host_list, hostname_map) and our {@code -INFINITY} placement
     * rules; connections this charm could not have written (no IP server) are left out.
     */
    public static Map<String, RemoteNode> fromCib(XmlNode configuration) {
        List<XmlNode> resources =
                configuration.child("resources").map(XmlNode::children).orElse(List.of());
        List<XmlNode> constraints =
                configuration.child("constraints").map(XmlNode::children).orElse(List.of());
        Map<String, String> device = resources.stream()
                .filter(r -> r.id().equals(StonithDevice.ID))
                .findFirst()
                .map(RemoteResources::params)
                .orElse(Map.of());
        List<String> fenced = List.of(device.getOrDefault("pcmk_host_list", "").split("\\s+"));
        Map<String, String> machines = new LinkedHashMap<>();
        for (String pair : device.getOrDefault("hostname_map", "").split(";")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                machines.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        Map<String, RemoteNode> out = new LinkedHashMap<>();
        for (XmlNode r : resources) {
            if (!isConnection(r)) {
                continue;
            }
            String name = r.id();
            boolean refuses = constraints.stream()
                    .anyMatch(c -> c.tag().equals("rsc_location")
                            && c.id().startsWith("loc-")
                            && name.equals(c.attributes().get("node"))
                            && "-INFINITY".equals(c.attributes().get("score")));
            java.util.Optional<String> machine = fenced.contains(name)
                    ? java.util.Optional.of(machines.getOrDefault(name, name))
                    : java.util.Optional.empty();
            try {
                out.put(name, new RemoteNode(name, params(r).getOrDefault("server", ""), machine, !refuses));
            } catch (IllegalArgumentException e) {
                // Not one of ours (e.g. a server given by name): nothing to rebuild it from.
            }
        }
        return out;
    }

    /** The server each connection resource in the configuration points at, by connection id. */
    public static Map<String, String> servers(XmlNode configuration) {
        Map<String, String> out = new LinkedHashMap<>();
        configuration.child("resources").map(XmlNode::children).orElse(List.of()).stream()
                .filter(RemoteResources::isConnection)
                .forEach(r -> out.put(r.id(), params(r).getOrDefault("server", "")));
        return out;
    }

    private static Map<String, String> params(XmlNode primitive) {
        Map<String, String> out = new LinkedHashMap<>();
        primitive
                .children("instance_attributes")
                .forEach(set -> set.children("nvpair")
                        .forEach(p -> out.putIfAbsent(
                                p.attributes().getOrDefault("name", ""),
                                p.attributes().getOrDefault("value", ""))));
        return out;
    }

    /** Every id the objects of {@code remote} take in the CIB, besides placement rules. */
    public static List<String> ids(RemoteNode remote) {
        XmlNode connection = connection(remote);
        List<String> out = new ArrayList<>();
        out.add(connection.id());
        connection.descendants().forEach(d -> {
            if (!d.id().isEmpty()) {
                out.add(d.id());
            }
        });
        return out;
    }

    public static boolean isConnection(XmlNode object) {
        return object.tag().equals("primitive")
                && "ocf".equals(object.attributes().get("class"))
                && "pacemaker".equals(object.attributes().get("provider"))
                && "remote".equals(object.attributes().get("type"));
    }
}
