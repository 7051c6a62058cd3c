package dev.instanceha.monitors;

import dev.instanceha.ops.host.CommandFailedException;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One monitor's service under whatever runs services here. Its name is found from what is
 * installed, not assumed: a systemd unit where systemd runs the machine, an init script where it
 * does not (Debian containers); Debian names them masakari-host-monitor etc.
 */
record MonitorService(Monitor monitor, String name) {
    static final List<Path> UNIT_DIRS = List.of(Path.of("/etc/systemd/system"), Path.of("/lib/systemd/system"),
            Path.of("/usr/lib/systemd/system"));
    static final Path INIT_DIR = Path.of("/etc/init.d");

    /** Empty when nothing installed provides the monitor's service. */
    static Optional<MonitorService> detect(Host host, Monitor monitor) {
        boolean systemd = isSystemd(host);
        for (String name : monitor.serviceNames()) {
            boolean present = systemd
                    ? UNIT_DIRS.stream().anyMatch(dir -> host.files().exists(dir.resolve(name + ".service")))
                    : host.files().exists(INIT_DIR.resolve(name));
            if (present) {
                return Optional.of(new MonitorService(monitor, name));
            }
        }
        return Optional.empty();
    }

    static boolean isSystemd(Host host) {
        return "systemd".equals(host.services().manager());
    }

    static String notFound(Monitor monitor) {
        return String.join(", ", monitor.packages()) + " is installed but provides no " + monitor.label()
                + " service (looked for " + String.join(", ", monitor.serviceNames()) + ")";
    }

    /** Debian's init scripts (openstack-pkg-tools) read their settings from here. */
    Path initScript() {
        return INIT_DIR.resolve(name);
    }

    /**
     * Restarts when its configuration changed, otherwise only starts a stopped service: a second
     * hook touches nothing. Enabled whenever it is (re)started, so it comes back after a reboot.
     *
     * @return the problem, if the service could not be brought up
     */
    Optional<Status> ensureRunning(Host host, boolean configChanged) {
        try {
            if (configChanged) {
                host.services().restart(name);
                host.services().enable(name);
            } else if (!host.services().isRunning(name)) {
                host.services().start(name);
                host.services().enable(name);
            }
        } catch (CommandFailedException e) {
            return Optional.of(Status.blocked(name + " failed to start: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** Stops and disables a running service; true if it was running. */
    boolean stop(Host host) {
        if (!host.services().isRunning(name)) {
            return false;
        }
        host.services().stop(name);
        host.services().disable(name);
        return true;
    }
}
