package dev.instanceha.hacluster;

import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.util.List;
import java.util.Map;

/**
 * The hanode peer relation as this member uses it: its own announcement, the application databag
 * the leader shares keys and remote records in, and the members it makes out.
 */
final class ClusterPeers {
    static final String ENDPOINT = "hanode";

    private final Endpoint endpoint;
    private final RelationView relation;
    private final String nodeName;

    private ClusterPeers(Endpoint endpoint, RelationView relation, String nodeName) {
        this.endpoint = endpoint;
        this.relation = relation;
        this.nodeName = nodeName;
    }

    /** Waits without the peer relation; this member's node name is {@code uname -n}. */
    static ClusterPeers of(HookContext hook) {
        Endpoint endpoint = hook.endpoint(ENDPOINT);
        if (!endpoint.isRelated()) {
            throw new StatusException(Status.waiting("Waiting for the hanode peer relation"));
        }
        return new ClusterPeers(endpoint, endpoint.relations().get(0), NodeName.of(hook.host()));
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** What only the leader writes and every member reads. */
    Map<String, String> appData() {
        return relation.localAppData();
    }

    /** Publishes this unit's node name, and whether it is a full member now. */
    void announce(boolean memberReady) {
        endpoint.publish(ClusterMembers.announcement(nodeName, memberReady));
    }

    /**
     * The members, this unit first, once there are {@code clusterCount}; peers left out are reported
     * (blocked). A duplicate name or address of this unit blocks before corosync is touched.
     */
    List<CorosyncNode> members(HookContext hook, int clusterCount) {
        ClusterMembers.Members found =
                ClusterMembers.members(endpoint.localUnit(), nodeName, endpoint.address(), relation);
        if (found.selfConflict().isPresent()) {
            // Two nodes of one name in corosync would split the cluster: touch nothing until fixed.
            throw new StatusException(Status.blocked(found.selfConflict().get()));
        }
        if (!found.conflicts().isEmpty()) {
            hook.report(Status.blocked(
                    "hanode: " + UnitSelection.joinReasons(found.conflicts()) + ": left out of the cluster"));
        }
        if (!found.unusable().isEmpty()) {
            hook.report(Status.blocked("hanode data unusable: " + UnitSelection.joinReasons(found.unusable())
                    + ": left out of the cluster"));
        }
        if (found.nodes().size() < clusterCount) {
            throw new StatusException(
                    Status.waiting("Insufficient peer units for ha cluster (require " + clusterCount + ")"));
        }
        return found.nodes();
    }
}
