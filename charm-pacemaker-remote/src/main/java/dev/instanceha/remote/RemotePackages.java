package dev.instanceha.remote;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.PackageInstallation;
import dev.instanceha.ops.model.Status;
import java.util.List;

/**
 * The packages a remote node needs: the daemon and the resource agents it runs for the cluster.
 * Unlike upstream, no corosync (a remote must not run it) and no pcs (nothing here uses it).
 * Checked once and remembered in unit state, so update-status runs no dpkg.
 */
final class RemotePackages {
    static final List<String> PACKAGES = List.of("pacemaker-remote", "resource-agents");
    /** Debian's pacemaker-remote declares Conflicts: pacemaker. */
    static final String CONFLICTING = "pacemaker";
    static final String INSTALLED_KEY = "packages-installed";
    static final PackageInstallation INSTALLATION = new PackageInstallation(INSTALLED_KEY);
    static final String CONFLICT_MESSAGE = "Cannot install pacemaker-remote: the 'pacemaker' package is installed "
            + "and conflicts with it (a full cluster node, e.g. hacluster, is on this machine); "
            + "pacemaker-remote belongs on machines outside the cluster";

    private RemotePackages() {
    }

    /** Installs what is missing; false (and blocked) when the machine is a full cluster node. */
    static boolean ensure(HookContext hook) {
        String marker = String.join(" ", PACKAGES);
        if (INSTALLATION.isCurrent(hook, marker)) {
            return true;
        }
        // Checked before apt: apt would offer to remove pacemaker, or fail with a resolver message.
        if (hook.host().packages().isInstalled(CONFLICTING)) {
            hook.report(Status.blocked(CONFLICT_MESSAGE));
            return false;
        }
        INSTALLATION.install(hook, PACKAGES);
        INSTALLATION.record(hook, marker);
        return true;
    }

    /** Makes the next reconcile check packages again (after upgrade-charm). */
    static void forget(HookContext hook) {
        INSTALLATION.forget(hook);
    }
}
