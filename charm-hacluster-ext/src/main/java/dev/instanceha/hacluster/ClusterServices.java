package dev.instanceha.hacluster;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.Services;

/**
 * corosync and pacemaker: running and enabled, restarted only when what they read at start
 * changed. Pacemaker sits on corosync, so a corosync restart is pacemaker stop, corosync restart,
 * pacemaker start (pacemakerd exits when corosync goes away under it).
 */
final class ClusterServices {
    static final String COROSYNC = "corosync";
    static final String PACEMAKER = "pacemaker";

    private ClusterServices() {
    }

    /** @return true when pacemaker was (re)started by this call, so it may need a moment to answer */
    static boolean ensure(Host host, ClusterFiles.Changes changes) {
        Services s = host.services();
        boolean pacemakerStarted = false;
        if (changes.corosync()) {
            if (s.isRunning(PACEMAKER)) {
                s.stop(PACEMAKER);
            }
            s.restart(COROSYNC);
            s.enable(COROSYNC);
        } else if (!s.isRunning(COROSYNC)) {
            s.start(COROSYNC);
            s.enable(COROSYNC);
        }
        if (changes.pacemaker() && s.isRunning(PACEMAKER)) {
            s.restart(PACEMAKER);
            pacemakerStarted = true;
        } else if (!s.isRunning(PACEMAKER)) {
            s.start(PACEMAKER);
            s.enable(PACEMAKER);
            pacemakerStarted = true;
        }
        return pacemakerStarted;
    }

    /** The CIB the package's default cluster wrote (and its signature): it names the stray "node1". */
    static final java.util.List<java.nio.file.Path> PACKAGE_CIB = java.util.List.of(
            java.nio.file.Path.of("/var/lib/pacemaker/cib/cib.xml"), java.nio.file.Path.of("/var/lib/pacemaker/cib/cib.xml.sig"));

    /**
     * Debian's packages start corosync and pacemaker as a one-node cluster named after the
     * package default (the source of upstream's stray "node1", LP 1874719): stop them until this
     * charm has written its own configuration, and drop the CIB that default cluster wrote, or
     * "node1" stays in it as an unclean node that pacemaker tries to fence before it starts any
     * resource. Nothing of ours can be in that CIB: our corosync.conf is not written yet.
     */
    static void stopUnconfigured(Host host) {
        if (!ClusterFiles.ours(host)) {
            // Unconditionally: a daemon still "activating" under load is not "running" yet, and
            // left alone it would write the package default's CIB after it was deleted.
            Services s = host.services();
            s.stop(PACEMAKER);
            s.stop(COROSYNC);
            PACKAGE_CIB.forEach(host.files()::delete);
        }
    }

    static void stopAll(Host host) {
        Services s = host.services();
        if (s.isRunning(PACEMAKER)) {
            s.stop(PACEMAKER);
        }
        if (s.isRunning(COROSYNC)) {
            s.stop(COROSYNC);
        }
    }
}
