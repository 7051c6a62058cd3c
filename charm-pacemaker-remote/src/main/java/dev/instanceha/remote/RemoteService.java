package dev.instanceha.remote;

import dev.instanceha.ops.host.CommandFailedException;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The pacemaker-remoted service under whatever runs services here. Its name is found from what
 * the package installed, not assumed: Debian and Ubuntu ship the systemd unit
 * {@code pacemaker_remote.service} (alias {@code pacemaker-remote}, which exists only once enabled),
 * Debian also an init script {@code /etc/init.d/pacemaker_remote} used where systemd is not PID 1.
 */
record RemoteService(String name) {
    static final List<String> NAMES = List.of("pacemaker_remote", "pacemaker-remote");
    static final List<Path> UNIT_DIRS = List.of(Path.of("/etc/systemd/system"), Path.of("/lib/systemd/system"),
            Path.of("/usr/lib/systemd/system"));
    static final Path INIT_DIR = Path.of("/etc/init.d");
    static final String NOT_FOUND = "pacemaker-remote is installed but provides no pacemaker_remote service "
            + "(systemd unit or init script)";

    /** Empty when the installed package provides neither a unit nor an init script we know. */
    static Optional<RemoteService> detect(Host host) {
        boolean systemd = "systemd".equals(host.services().manager());
        for (String name : NAMES) {
            boolean present = systemd
                    ? UNIT_DIRS.stream().anyMatch(dir -> host.files().exists(dir.resolve(name + ".service")))
                    : host.files().exists(INIT_DIR.resolve(name));
            if (present) {
                return Optional.of(new RemoteService(name));
            }
        }
        return Optional.empty();
    }

    /**
     * Restarts when the key changed (the daemon reads it only at start), otherwise only starts a
     * stopped daemon: a second hook touches nothing. Enabled whenever it is started, so it comes
     * back after a reboot.
     *
     * @return the problem, if the daemon could not be brought up
     */
    Optional<Status> ensureRunning(Host host, boolean keyChanged) {
        try {
            if (keyChanged) {
                host.services().restart(name);
                host.services().enable(name);
            } else if (!host.services().isRunning(name)) {
                host.services().start(name);
                host.services().enable(name);
            }
        } catch (CommandFailedException e) {
            return Optional.of(Status.blocked(name + " failed to start: " + e.getMessage()));
        }
        if (!host.services().isRunning(name)) {
            return Optional.of(Status.blocked(name + " is not running"));
        }
        return Optional.empty();
    }

    /** Stops and disables it: an orderly stop is a clean leave for the cluster, not a failure. */
    void stop(Host host) {
        if (host.services().isRunning(name)) {
            host.services().stop(name);
            host.services().disable(name);
        }
    }
}
