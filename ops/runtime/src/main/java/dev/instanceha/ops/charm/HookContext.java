package dev.instanceha.ops.charm;

import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.log.CharmLog;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusCollector;

/** What a charm gets in every hook: Juju's context, the model, the host, statuses and the log. */
public record HookContext(JujuContext juju, Model model, Host host, StatusCollector status, CharmLog log,
                          HookTools tools) {
    /**
     * Sets the unit's status right now, redacted and kept to one line like every status (for actions, which do not end
     * in a collected status the way hooks do).
     */
    public void showStatus(Status status) {
        tools.statusSet(status.level(), log.forStatus(status.message()));
    }

    /** Shorthand for reporting a component's status. */
    public void report(Status status) {
        this.status.report(status);
    }
}
