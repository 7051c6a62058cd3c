package dev.instanceha.monitors;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.Host;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The group the monitors run as, which must read the config (it holds the password) while other
 * users must not. Debian's masakari-monitors-common creates {@code masakari}; other packagings use
 * {@code masakarimonitors}. Found with getent, not assumed.
 */
final class ServiceGroup {
    static final List<String> CANDIDATES = List.of("masakari", "masakarimonitors");
    static final String NOT_FOUND = "No masakari or masakarimonitors group on this machine "
            + "(masakari-monitors-common creates it): cannot give the monitors their config";

    private ServiceGroup() {}

    static Optional<String> detect(Host host) {
        for (String group : CANDIDATES) {
            Command lookup = Command.of("getent", "group", group).withTimeout(Duration.ofSeconds(20));
            if (host.commands().run(lookup).succeeded()) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
