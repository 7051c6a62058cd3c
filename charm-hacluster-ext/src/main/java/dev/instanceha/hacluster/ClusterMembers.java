package dev.instanceha.hacluster;

import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.model.RelationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full members as the hanode peer relation shows them: this unit plus every peer that
 * announced its node name and is ready. Each unit publishes its own announcement.
 */
final class ClusterMembers {
    static final String HOSTNAME = "hostname";
    static final String READY = "ready";
    static final String MEMBER_READY = "member_ready";

    private ClusterMembers() {
    }

    /** What this unit tells its peers (upstream's keys; private-address is Juju's). */
    static Map<String, String> announcement(String nodeName, boolean memberReady) {
        return Map.of(HOSTNAME, nodeName, READY, "True", MEMBER_READY, memberReady ? "True" : "");
    }

    /** This unit first, then ready peers; incomplete peers are left out until they announce themselves. */
    static List<CorosyncNode> read(String unitName, String nodeName, String address, RelationView peers) {
        List<CorosyncNode> out = new ArrayList<>();
        out.add(new CorosyncNode(CorosyncNode.idForUnit(unitName), nodeName, address));
        peers.remoteUnitsData().forEach((unit, data) -> {
            String name = data.getOrDefault(HOSTNAME, "");
            String addr = data.getOrDefault("ingress-address", data.getOrDefault("private-address", ""));
            if ("True".equalsIgnoreCase(data.get(READY)) && Net.isHost(name) && !Net.isIp(name) && Net.isIp(addr)) {
                out.add(new CorosyncNode(CorosyncNode.idForUnit(unit), name, addr));
            }
        });
        return out;
    }
}
