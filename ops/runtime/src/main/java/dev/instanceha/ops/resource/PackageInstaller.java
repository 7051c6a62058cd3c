package dev.instanceha.ops.resource;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.log.CharmLog;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.UnitState;
import java.util.List;
import java.util.Optional;

/**
 * Installs {@link PackageSet}s. apt failing is not input the charm could check: it fails the hook
 * (Juju retries it, the log says why), as every other tool failure does. A conflict the charm can
 * see before apt runs is a blocked status instead.
 */
public final class PackageInstaller {
    private final Host host;
    private final UnitState state;
    private final CharmLog log;

    public PackageInstaller(Host host, UnitState state, CharmLog log) {
        this.host = host;
        this.state = state;
        this.log = log;
    }

    /** True when the set was installed before for its marker. */
    public boolean isCurrent(PackageSet set) {
        return state.get(set.stateKey()).filter(set.marker()::equals).isPresent();
    }

    /** True when the set was installed before, for any marker (an upgrade is due when it differs). */
    public boolean wasInstalled(PackageSet set) {
        return state.get(set.stateKey()).isPresent();
    }

    /**
     * Installs what is missing of the set, unless it is current.
     *
     * @return a blocked status when a conflicting package is installed, otherwise empty
     */
    public Optional<Status> ensure(PackageSet set) {
        if (isCurrent(set)) {
            return Optional.empty();
        }
        // Checked before apt: apt would offer to remove the other package, or fail with a resolver message.
        if (set.conflict().isPresent()
                && host.packages().isInstalled(set.conflict().get().installedPackage())) {
            return Optional.of(Status.blocked(set.conflict().get().message()));
        }
        install(set.packages());
        state.put(set.stateKey(), set.marker());
        return Optional.empty();
    }

    /** Installs packages that are not part of a remembered set (found only after the set installed). */
    public void install(List<String> packages) {
        List<String> installed = host.packages().install(packages);
        if (!installed.isEmpty()) {
            log.info("installed " + String.join(" ", installed));
        }
    }

    /** Makes every set be checked again (after upgrade-charm, or an upgrade action). */
    public void forgetAll() {
        state.snapshot().keySet().stream()
                .filter(key -> key.startsWith(PackageSet.STATE_PREFIX))
                .forEach(state::remove);
    }
}
