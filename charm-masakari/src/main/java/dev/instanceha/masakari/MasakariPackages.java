package dev.instanceha.masakari;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.PackageInstallation;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.Host;
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
    static final String INSTALLED_KEY = "packages-installed-for";
    /** Keyed by the origin installed from: a new openstack-origin means a new install (or upgrade). */
    static final PackageInstallation INSTALLATION = new PackageInstallation(INSTALLED_KEY);

    private MasakariPackages() {
    }

    static void ensure(HookContext hook, MasakariConfig config) {
        String marker = config.origin().value();
        if (INSTALLATION.isCurrent(hook, marker)) {
            return;
        }
        Host host = hook.host();
        boolean newOrigin = INSTALLATION.hasRecord(hook);
        if (newOrigin && config.actionManagedUpgrade()) {
            return; // the openstack-upgrade action applies it
        }
        PackageSources.apply(host, config.origin());
        INSTALLATION.install(hook, BASE);
        // Detected only now: which API server masakari-api uses shows in the files its package installed.
        INSTALLATION.install(hook, ApiServer.detect(host).extraPackages());
        if (newOrigin) {
            upgrade(host);
        }
        INSTALLATION.record(hook, marker);
    }

    /** Upgrades the installed masakari packages from the current origin. */
    static void upgrade(Host host) {
        List<String> argv = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--only-upgrade",
                "-o", "DPkg::Lock::Timeout=300", "-o", "Dpkg::Options::=--force-confold"));
        argv.addAll(BASE);
        host.commands().check(new Command(List.of("apt-get", "update", "-q"), null, Duration.ofMinutes(10),
                Map.of("DEBIAN_FRONTEND", "noninteractive")));
        host.commands().check(new Command(argv, null, Duration.ofMinutes(20), Map.of("DEBIAN_FRONTEND", "noninteractive")));
    }

    /** Makes the next reconcile check packages again (after upgrade-charm or openstack-upgrade). */
    static void forget(HookContext hook) {
        INSTALLATION.forget(hook);
    }
}
