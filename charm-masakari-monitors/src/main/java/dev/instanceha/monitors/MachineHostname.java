package dev.instanceha.monitors;

import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Host;
import java.time.Duration;
import java.util.Optional;

/**
 * The machine's fully qualified name, as upstream's socket.getfqdn() finds it: the name Nova,
 * Masakari and the cluster (charm-pacemaker-remote's remote-hostname) know the compute host by.
 * Same lookup as charm-pacemaker-remote's, so both charms agree on the name.
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
        return isHostname(name) ? Optional.of(name) : Optional.empty();
    }

    /** A DNS name: Masakari host names are names, never addresses. */
    static boolean isHostname(String text) {
        return Net.isHost(text) && !Net.isIp(text);
    }
}
