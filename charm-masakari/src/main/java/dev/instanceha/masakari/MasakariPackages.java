package dev.instanceha.masakari;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.resource.PackageInstaller;
import dev.instanceha.ops.resource.PackageSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Masakari's packages and where they come from. Installing is checked once per origin and then
 * remembered in unit state, so update-status does not query dpkg every five minutes.
 */
final class MasakariPackages {
    static final List<String> BASE = List.of("masakari-api", "masakari-engine", "python3-masakariclient");

    private MasakariPackages() {}

    /** Keyed by the origin installed from: a new openstack-origin means a new install (or upgrade). */
    static PackageSet set(MasakariConfig config) {
        return PackageSet.of("masakari", BASE).markedBy(config.origin().value());
    }

    static void ensure(HookContext hook, MasakariConfig config) {
        PackageSet set = set(config);
        PackageInstaller packages = hook.packages();
        if (packages.isCurrent(set)) {
            return;
        }
        boolean newOrigin = packages.wasInstalled(set);
        if (newOrigin && config.actionManagedUpgrade()) {
            return; // the openstack-upgrade action applies it
        }
        PackageSources.apply(hook.host(), config.origin());
        hook.ensurePackages(set);
        // Detected only now: which API server masakari-api uses shows in the files its package installed.
        packages.install(ApiServer.detect(hook.host()).extraPackages());
        if (newOrigin) {
            upgrade(hook.host());
        }
    }

    /** Upgrades the installed masakari packages from the current origin. */
    static void upgrade(Host host) {
        List<String> argv = new ArrayList<>(List.of(
                "apt-get",
                "install",
                "-y",
                "-q",
                "--only-upgrade",
                "-o",
                "DPkg::Lock::Timeout=300",
                "-o",
                "Dpkg::Options::=--force-confold"));
        argv.addAll(BASE);
        host.commands()
                .check(new Command(
                        List.of("apt-get", "update", "-q"),
                        null,
                        Duration.ofMinutes(10),
                        Map.of("DEBIAN_FRONTEND", "noninteractive")));
        host.commands()
                .check(new Command(argv, null, Duration.ofMinutes(20), Map.of("DEBIAN_FRONTEND", "noninteractive")));
    }
}
