package dev.instanceha.monitors;

import dev.instanceha.ops.resource.PackageSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages of the enabled monitors, one set marked by its package list: enabling another
 * monitor installs its package; disabling one keeps its package (its service is stopped instead),
 * so enabling it again needs no apt.
 */
final class MonitorPackages {
    /** Every packaging of masakari-monitors has it; its version is the monitors' version. */
    static final String COMMON = "masakari-monitors-common";

    private MonitorPackages() {}

    static PackageSet of(Set<Monitor> monitors) {
        Set<String> wanted = new TreeSet<>();
        monitors.forEach(monitor -> wanted.addAll(monitor.packages()));
        return PackageSet.of("masakari-monitors", List.copyOf(wanted));
    }
}
