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

    /**
     * Debian's packages start corosync and pacemaker as a one-node cluster named after the
     * package default (the source of upstream's stray "node1", LP 1874719): stop them until this
     * charm has written its own configuration.
     */
    static void stopUnconfigured(Host host) {
        if (!ClusterFiles.ours(host)) {
            Services s = host.services();
            if (s.isRunning(PACEMAKER)) {
                s.stop(PACEMAKER);
            }
            if (s.isRunning(COROSYNC)) {
                s.stop(COROSYNC);
            }
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
