package dev.instanceha.ops.charm;

import dev.instanceha.ops.host.Host;

import java.util.List;

/**
 * "Install these packages once": the charm names what it installed with a marker (the package list,
 * or the origin it installed from), kept in unit state, so update-status and every later hook run no
 * dpkg/apt at all until the marker changes or {@link #forget} (upgrade-charm) asks for a new check.
 *
 * @param stateKey the unit-state key holding the marker (kept per charm: deployed units already have it)
 */
public record PackageInstallation(String stateKey) {

    /** True when the packages for {@code marker} were installed by an earlier hook. */
    public boolean isCurrent(HookContext hook, String marker) {
        return hook.model().state().get(stateKey).filter(marker::equals).isPresent();
    }

    /** True when some marker was recorded before (an install has happened, perhaps for another marker). */
    public boolean hasRecord(HookContext hook) {
        return hook.model().state().get(stateKey).isPresent();
    }

    /** Installs what is missing of {@code packages} and logs what apt added; returns that. */
    public List<String> install(HookContext hook, List<String> packages) {
        Host host = hook.host();
        List<String> installed = host.packages().install(packages);
        if (!installed.isEmpty()) {
            hook.log().info("installed " + String.join(" ", installed));
        }
        return installed;
    }

    /** Remembers that the packages for {@code marker} are in place. */
    public void record(HookContext hook, String marker) {
        hook.model().state().put(stateKey, marker);
    }

    /** Makes the next reconcile check packages again (after upgrade-charm or openstack-upgrade). */
    public void forget(HookContext hook) {
        hook.model().state().remove(stateKey);
    }
}
