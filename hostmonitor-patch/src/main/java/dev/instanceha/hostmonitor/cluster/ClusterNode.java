package dev.instanceha.hostmonitor.cluster;

import java.util.Optional;

/**
 * One node line of crm_mon's node list, with the flags the state machine needs.
 *
 * @param name               the node name (uname); for a remote node also the id of its connection resource
 * @param id                 the node id: the corosync id of a member; for a remote node usually its name, but
 *                           any id the CIB's {@code <node>} entry gives it ({@code <node id="4" uname="remote01"
 *                           type="remote">})
 * @param standbyOnFail      {@code standby_onfail}: pacemaker put the node in standby because a resource with
 *                           {@code on-fail=standby} failed there (pacemaker then reports {@code standby} too)
 * @param dc                 {@code is_dc}: this node is the designated controller (for logs)
 * @param connectionResource the resource that connects the cluster to this node: the
 *                           ocf:pacemaker:remote primitive for a remote node (pacemaker names the remote
 *                           node after it, so it is the node's name, not its id), the container resource
 *                           for a guest; empty for members
 */
public record ClusterNode(
        String name,
        String id,
        NodeType type,
        boolean online,
        boolean standby,
        boolean standbyOnFail,
        boolean maintenance,
        boolean pending,
        boolean unclean,
        boolean shutdown,
        boolean expectedUp,
        boolean dc,
        Optional<String> connectionResource) {

    /** A node not in standby-on-fail, not the DC, whose connection resource (remote nodes) is its name. */
    public ClusterNode(
            String name,
            String id,
            NodeType type,
            boolean online,
            boolean standby,
            boolean maintenance,
            boolean pending,
            boolean unclean,
            boolean shutdown,
            boolean expectedUp) {
        this(
                name,
                id,
                type,
                online,
                standby,
                false,
                maintenance,
                pending,
                unclean,
                shutdown,
                expectedUp,
                false,
                type == NodeType.REMOTE ? Optional.of(name) : Optional.empty());
    }

    /**
     * Standby or maintenance set by an operator: a planned absence, never reported. Pacemaker also
     * reports pending nodes as standby, and a node it put in standby itself because a resource failed
     * ({@code standby_onfail}) is a failure, not a plan: neither counts.
     */
    public boolean administrativelyDown() {
        return maintenance || (standby && !pending && !standbyOnFail);
    }
}
