package dev.instanceha.hacluster;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.resource.PackageSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The packages a full cluster member needs: corosync, pacemaker, its CLI tools (cibadmin,
 * crm_attribute, crm_node: the charm drives pacemaker with these, no crmsh or pcs) and the OCF
 * resource agents principals ask for (IPaddr2, …).
 */
final class HaclusterPackages {
    static final List<String> CLUSTER = List.of("corosync", "pacemaker", "pacemaker-cli-utils");
    static final Path OS_RELEASE = Path.of("/etc/os-release");

    private HaclusterPackages() {}

    /** Debian ships the heartbeat agents as resource-agents; Ubuntu split them, IPaddr2 being in -base. */
    static PackageSet forHost(Host host) {
        String osRelease = host.files()
                .read(OS_RELEASE)
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElse("");
        String agents =
                osRelease.lines().anyMatch(l -> l.equals("ID=ubuntu")) ? "resource-agents-base" : "resource-agents";
        return PackageSet.of("hacluster", List.of(CLUSTER.get(0), CLUSTER.get(1), CLUSTER.get(2), agents));
    }
}
