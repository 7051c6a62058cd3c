package dev.instanceha.hacluster.corosync;

import dev.instanceha.interfaces.Net;

/**
 * One full cluster member in corosync's nodelist.
 *
 * @param nodeId stable across hooks and leader changes: 1000 + the Juju unit number, as upstream
 * @param name the pacemaker node name (the unit's {@code uname -n})
 * @param address the ring0 address (the unit's address on the hanode binding)
 */
public record CorosyncNode(int nodeId, String name, String address) {
    public CorosyncNode {
        if (nodeId < 1) {
            throw new IllegalArgumentException("corosync node ids start at 1");
        }
        if (!Net.isHost(name) || Net.isIp(name)) {
            throw new IllegalArgumentException("node name must be a host name");
        }
        if (!Net.isIp(address)) {
            throw new IllegalArgumentException("ring0 address must be an IP address");
        }
    }

    /** The id upstream gives a unit: 1000 + its number, so a re-elected leader renumbers nothing. */
    public static int idForUnit(String unitName) {
        return 1000 + Integer.parseInt(unitName.substring(unitName.lastIndexOf('/') + 1));
    }
}
