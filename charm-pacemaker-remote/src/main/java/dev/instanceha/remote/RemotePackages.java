package dev.instanceha.remote;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.Host;
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
    static final String CONFLICT_MESSAGE = "Cannot install pacemaker-remote: the 'pacemaker' package is installed "
            + "and conflicts with it (a full cluster node, e.g. hacluster, is on this machine); "
            + "pacemaker-remote belongs on machines outside the cluster";

    private RemotePackages() {
    }

    /** Installs what is missing; false (and blocked) when the machine is a full cluster node. */
    static boolean ensure(HookContext hook) {
        String marker = String.join(" ", PACKAGES);
        if (hook.model().state().get(INSTALLED_KEY).filter(marker::equals).isPresent()) {
            return true;
        }
        Host host = hook.host();
        // Checked before apt: apt would offer to remove pacemaker, or fail with a resolver message.
        if (host.packages().isInstalled(CONFLICTING)) {
            hook.report(Status.blocked(CONFLICT_MESSAGE));
            return false;
        }
        List<String> installed = host.packages().install(PACKAGES);
        if (!installed.isEmpty()) {
            hook.log().info("installed " + String.join(" ", installed));
        }
        hook.model().state().put(INSTALLED_KEY, marker);
        return true;
    }

    /** Makes the next reconcile check packages again (after upgrade-charm). */
    static void forget(HookContext hook) {
        hook.model().state().remove(INSTALLED_KEY);
    }
}
