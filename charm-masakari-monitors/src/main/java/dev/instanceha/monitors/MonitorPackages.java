package dev.instanceha.monitors;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.PackageInstallation;
import dev.instanceha.ops.host.CommandFailedException;
import dev.instanceha.ops.model.Status;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages of the enabled monitors. Checked once per set of monitors and remembered in unit
 * state, so update-status runs no dpkg; disabling a monitor keeps its package (its service is
 * stopped instead), so enabling it again needs no apt.
 */
final class MonitorPackages {
    static final String INSTALLED_KEY = "packages-installed";
    static final PackageInstallation INSTALLATION = new PackageInstallation(INSTALLED_KEY);
    /** Every packaging of masakari-monitors has it; its version is the monitors' version. */
    static final String COMMON = "masakari-monitors-common";

    private MonitorPackages() {
    }

    /** Installs what is missing; false (and blocked) when apt failed. */
    static boolean ensure(HookContext hook, Set<Monitor> monitors) {
        Set<String> wanted = new TreeSet<>();
        monitors.forEach(monitor -> wanted.addAll(monitor.packages()));
        String marker = String.join(" ", wanted);
        if (INSTALLATION.isCurrent(hook, marker)) {
            return true;
        }
        try {
            INSTALLATION.install(hook, List.copyOf(wanted));
        } catch (CommandFailedException e) {
            hook.report(Status.blocked("Cannot install " + marker + ": " + e.getMessage()));
            return false;
        }
        INSTALLATION.record(hook, marker);
        return true;
    }

    /** Makes the next reconcile check packages again (after upgrade-charm). */
    static void forget(HookContext hook) {
        INSTALLATION.forget(hook);
    }
}
