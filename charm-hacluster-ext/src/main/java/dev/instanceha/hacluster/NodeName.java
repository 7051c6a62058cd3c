package dev.instanceha.hacluster;

import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.time.Duration;

/**
 * This member's pacemaker node name: {@code uname -n}, the name pacemaker would pick by itself.
 * Written into corosync's nodelist so every member agrees on every name.
 */
final class NodeName {
    static final Command UNAME = Command.of("uname", "-n").withTimeout(Duration.ofSeconds(10));

    private NodeName() {}

    static String of(Host host) {
        CommandResult result = host.commands().run(UNAME);
        String name = result.stdout().strip();
        if (!result.succeeded() || !MachineHostname.isHostname(name)) {
            throw new StatusException(Status.blocked("Cannot find this machine's host name (uname -n failed)"));
        }
        return name;
    }
}
