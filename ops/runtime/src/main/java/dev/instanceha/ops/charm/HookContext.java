package dev.instanceha.ops.charm;

import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.log.CharmLog;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusCollector;
import dev.instanceha.ops.resource.Applied;
import dev.instanceha.ops.resource.DesiredState;
import dev.instanceha.ops.resource.PackageInstaller;
import dev.instanceha.ops.resource.PackageSet;
import dev.instanceha.ops.resource.ResourceApplier;

/**
 * What a charm gets in every hook: Juju's context, the model and its endpoints, the host, the log,
 * and the one way to say how the unit is: {@link #report} (or a {@code StatusException} from
 * anywhere below). The runner sets the status from what was reported; nothing else sets it.
 * The hook tools themselves stay with the framework.
 */
public final class HookContext {
    private final JujuContext juju;
    private final Model model;
    private final Host host;
    private final StatusCollector status;
    private final CharmLog log;
    private final HookTools tools;
    private PackageInstaller packages;

    HookContext(JujuContext juju, Model model, Host host, StatusCollector status, CharmLog log, HookTools tools) {
        this.juju = juju;
        this.model = model;
        this.host = host;
        this.status = status;
        this.log = log;
        this.tools = tools;
    }

    public JujuContext juju() {
        return juju;
    }

    public Model model() {
        return model;
    }

    public Endpoint endpoint(String name) {
        return model.endpoint(name);
    }

    public Host host() {
        return host;
    }

    public StatusCollector status() {
        return status;
    }

    public CharmLog log() {
        return log;
    }

    HookTools tools() {
        return tools;
    }

    /** Reports a component's status; the most severe reported is what the unit shows at the end. */
    public void report(Status status) {
        this.status.report(status);
    }

    /**
     * Shows a maintenance message now, while long work (apt) runs; the hook still ends with the
     * reported status.
     */
    public void progress(String message) {
        tools.statusSet(dev.instanceha.ops.hooktools.StatusLevel.MAINTENANCE, log.forStatus(message));
    }

    /** Installs a package set unless current; false (its blocked status reported) when it cannot be. */
    public boolean ensurePackages(PackageSet set) {
        var problem = packages().ensure(set);
        problem.ifPresent(this::report);
        return problem.isEmpty();
    }

    public PackageInstaller packages() {
        if (packages == null) {
            packages = new PackageInstaller(host, model.state(), log);
        }
        return packages;
    }

    /** Brings files, daemons and ports to what {@code desired} declares. */
    public Applied apply(DesiredState desired) {
        return new ResourceApplier(host, tools).apply(desired);
    }
}
