package dev.instanceha.hostmonitor.cluster;

import java.util.Optional;

/**
 * One node line of crm_mon's node list, with the flags the state machine needs.
 *
 * @param connectionResource the resource that connects the cluster to this node: the
 *                           ocf:pacemaker:remote primitive (named after the node) for a remote node,
 *                           the container resource for a guest; empty for members
 */
public record ClusterNode(
        String name,
        String id,
        NodeType type,
        boolean online,
        boolean standby,
        boolean maintenance,
        boolean pending,
        boolean unclean,
        boolean shutdown,
        boolean expectedUp,
        Optional<String> connectionResource) {

    /** A node whose connection resource, if any, is named after it (remote nodes). */
    public ClusterNode(String name, String id, NodeType type, boolean online, boolean standby, boolean maintenance,
                       boolean pending, boolean unclean, boolean shutdown, boolean expectedUp) {
        this(name, id, type, online, standby, maintenance, pending, unclean, shutdown, expectedUp,
                type == NodeType.REMOTE ? Optional.of(id) : Optional.empty());
    }

    /** Standby or maintenance set by an operator; pacemaker also reports pending nodes as standby. */
    public boolean administrativelyDown() {
        return maintenance || (standby && !pending);
    }
}
