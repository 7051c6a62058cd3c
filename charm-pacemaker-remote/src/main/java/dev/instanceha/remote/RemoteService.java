package dev.instanceha.remote;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.InstalledService;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.util.List;
import java.util.Optional;

/**
 * The pacemaker-remoted service. Its name is found from what the package installed, not assumed:
 * Debian and Ubuntu ship the systemd unit {@code pacemaker_remote.service} (alias
 * {@code pacemaker-remote}, which exists only once enabled), Debian also an init script
 * {@code /etc/init.d/pacemaker_remote} used where systemd is not PID 1.
 */
final class RemoteService {
    static final List<String> NAMES = List.of("pacemaker_remote", "pacemaker-remote");
    static final String NOT_FOUND =
            "pacemaker-remote is installed but provides no pacemaker_remote service " + "(systemd unit or init script)";

    private RemoteService() {}

    /**
     * The service's name.
     *
     * @throws StatusException (blocked) when the package provides neither a unit nor an init script we know
     */
    static String detect(Host host) {
        return find(host).orElseThrow(() -> new StatusException(Status.blocked(NOT_FOUND)));
    }

    /** Empty when nothing installed provides it. */
    static Optional<String> find(Host host) {
        return InstalledService.detect(host, NAMES).map(InstalledService::name);
    }
}
