package dev.instanceha.hacluster.corosync;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything corosync.conf depends on. Nodes are kept sorted by node id so the rendered file
 * does not change with the order peers happen to be listed in.
 *
 * @param mcastPort the UDP port (corosync's default 5405 when nobody asked for another)
 */
public record CorosyncSettings(
        String clusterName,
        Transport transport,
        List<CorosyncNode> nodes,
        String mcastAddr,
        int mcastPort,
        Optional<Integer> netmtu,
        boolean debug) {
    public static final int DEFAULT_PORT = 5405;

    public CorosyncSettings {
        if (!clusterName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("cluster name must be letters, digits, '-' or '_'");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
        nodes = nodes.stream()
                .sorted(Comparator.comparingInt(CorosyncNode::nodeId))
                .toList();
        if (nodes.stream().map(CorosyncNode::nodeId).distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("corosync node ids must be unique");
        }
    }
}
