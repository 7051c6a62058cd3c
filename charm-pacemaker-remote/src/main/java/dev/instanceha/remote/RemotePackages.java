package dev.instanceha.remote;

import dev.instanceha.ops.resource.PackageSet;
import java.util.List;

/**
 * The packages a remote node needs: the daemon and the resource agents it runs for the cluster.
 * Unlike upstream, no corosync (a remote must not run it) and no pcs (nothing here uses it).
 */
final class RemotePackages {
    static final String DAEMON = "pacemaker-remote";
    static final String CONFLICT_MESSAGE = "Cannot install pacemaker-remote: the 'pacemaker' package is installed "
            + "and conflicts with it (a full cluster node, e.g. hacluster, is on this machine); "
            + "pacemaker-remote belongs on machines outside the cluster";
    /** Debian's pacemaker-remote declares Conflicts: pacemaker. */
    static final PackageSet SET = PackageSet.of("pacemaker-remote", List.of(DAEMON, "resource-agents"))
            .conflictingWith("pacemaker", CONFLICT_MESSAGE);

    private RemotePackages() {}
}
