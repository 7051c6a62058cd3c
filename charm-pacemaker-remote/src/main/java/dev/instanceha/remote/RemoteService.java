package dev.instanceha.remote;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.InstalledService;
import dev.instanceha.ops.model.Status;
import java.util.List;
import java.util.Optional;

/**
 * The pacemaker-remoted service. Its name is found from what the package installed, not assumed:
 * Debian and Ubuntu ship the systemd unit {@code pacemaker_remote.service} (alias
 * {@code pacemaker-remote}, which exists only once enabled), Debian also an init script
 * {@code /etc/init.d/pacemaker_remote} used where systemd is not PID 1.
 */
record RemoteService(InstalledService service) {
    static final List<String> NAMES = List.of("pacemaker_remote", "pacemaker-remote");
    static final String NOT_FOUND = "pacemaker-remote is installed but provides no pacemaker_remote service "
            + "(systemd unit or init script)";

    /** Empty when the installed package provides neither a unit nor an init script we know. */
    static Optional<RemoteService> detect(Host host) {
        return InstalledService.detect(host, NAMES).map(RemoteService::new);
    }

    String name() {
        return service.name();
    }

    /** Restarts when the key changed (the daemon reads it only at start), otherwise only starts a stopped daemon. */
    Optional<Status> ensureRunning(Host host, boolean keyChanged) {
        return service.ensureRunning(host, keyChanged);
    }

    /** Stops and disables it: an orderly stop is a clean leave for the cluster, not a failure. */
    void stop(Host host) {
        service.stop(host);
    }
}
