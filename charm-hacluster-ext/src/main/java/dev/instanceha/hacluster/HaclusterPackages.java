package dev.instanceha.hacluster;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.PackageInstallation;
import dev.instanceha.ops.host.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The packages a full cluster member needs: corosync, pacemaker, its CLI tools (cibadmin,
 * crm_attribute, crm_node: the charm drives pacemaker with these, no crmsh or pcs) and the OCF
 * resource agents principals ask for (IPaddr2, …). Checked once and remembered in unit state.
 */
final class HaclusterPackages {
    static final List<String> CLUSTER = List.of("corosync", "pacemaker", "pacemaker-cli-utils");
    static final String INSTALLED_KEY = "packages-installed";
    static final PackageInstallation INSTALLATION = new PackageInstallation(INSTALLED_KEY);
    static final Path OS_RELEASE = Path.of("/etc/os-release");

    private HaclusterPackages() {
    }

    /** Debian ships the heartbeat agents as resource-agents; Ubuntu split them, IPaddr2 being in -base. */
    static List<String> forHost(Host host) {
        String osRelease = host.files().read(OS_RELEASE).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        String agents = osRelease.lines().anyMatch(l -> l.equals("ID=ubuntu")) ? "resource-agents-base" : "resource-agents";
        return List.of(CLUSTER.get(0), CLUSTER.get(1), CLUSTER.get(2), agents);
    }

    static void ensure(HookContext hook) {
        List<String> wanted = forHost(hook.host());
        String marker = String.join(" ", wanted);
        if (INSTALLATION.isCurrent(hook, marker)) {
            return;
        }
        INSTALLATION.install(hook, wanted);
        INSTALLATION.record(hook, marker);
    }

    static void forget(HookContext hook) {
        INSTALLATION.forget(hook);
    }
}
