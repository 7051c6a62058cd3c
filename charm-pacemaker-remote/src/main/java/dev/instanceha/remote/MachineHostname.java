package dev.instanceha.remote;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Host;
import java.time.Duration;
import java.util.Optional;

/**
 * The machine's fully qualified name, as upstream's socket.getfqdn() finds it: the name the
 * cluster, Nova and MAAS know the compute node by. Asked every hook, so a renamed machine is
 * announced under its new name.
 */
final class MachineHostname {
    /** A resolver stuck on DNS must not hold the hook for the default five minutes. */
    static final Command FQDN = Command.of("hostname", "--fqdn").withTimeout(Duration.ofSeconds(20));

    private MachineHostname() {
    }

    /** Empty when the machine cannot name itself (resolver failure, odd output). */
    static Optional<String> fqdn(Host host) {
        CommandResult result = host.commands().run(FQDN);
        if (!result.succeeded()) {
            return Optional.empty();
        }
        String name = result.stdout().strip();
        return RemoteConfig.isHostname(name) ? Optional.of(name) : Optional.empty();
    }
}
