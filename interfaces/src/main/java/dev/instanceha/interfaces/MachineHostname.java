package dev.instanceha.interfaces;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Host;
import java.time.Duration;
import java.util.Optional;

/**
 * The machine's fully qualified name, as upstream's socket.getfqdn() finds it: the name Nova,
 * Masakari, the cluster and MAAS know a compute host by. Every charm on a compute host asks it the
 * same way, so the pacemaker-remote charm's remote-hostname and the monitors' hostname agree.
 * Asked every hook, so a renamed machine is announced under its new name.
 */
public final class MachineHostname {
    /** A resolver stuck on DNS must not hold the hook for the default five minutes. */
    public static final Command FQDN = Command.of("hostname", "--fqdn").withTimeout(Duration.ofSeconds(20));

    private MachineHostname() {}

    /** Empty when the machine cannot name itself (resolver failure, odd output). */
    public static Optional<String> fqdn(Host host) {
        CommandResult result = host.commands().run(FQDN);
        if (!result.succeeded()) {
            return Optional.empty();
        }
        String name = result.stdout().strip();
        return isHostname(name) ? Optional.of(name) : Optional.empty();
    }

    /** A DNS name, never an address: Masakari and pacemaker node names are names. */
    public static boolean isHostname(String text) {
        return Net.isHost(text) && !Net.isIp(text);
    }
}
