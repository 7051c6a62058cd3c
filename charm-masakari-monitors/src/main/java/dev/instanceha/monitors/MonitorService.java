package dev.instanceha.monitors;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.InstalledService;
import dev.instanceha.ops.model.Status;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One monitor's service, found from what is installed (see {@link InstalledService}); Debian names
 * them masakari-host-monitor etc.
 */
record MonitorService(Monitor monitor, InstalledService service) {

    /** Empty when nothing installed provides the monitor's service. */
    static Optional<MonitorService> detect(Host host, Monitor monitor) {
        return InstalledService.detect(host, monitor.serviceNames()).map(s -> new MonitorService(monitor, s));
    }

    static boolean isSystemd(Host host) {
        return InstalledService.isSystemd(host);
    }

    static String notFound(Monitor monitor) {
        return String.join(", ", monitor.packages()) + " is installed but provides no " + monitor.label()
                + " service (looked for " + String.join(", ", monitor.serviceNames()) + ")";
    }

    String name() {
        return service.name();
    }

    /** Debian's init scripts (openstack-pkg-tools) read their settings from /etc/default/&lt;name&gt;. */
    Path initScript() {
        return service.initScript();
    }

    /** Restarts when its configuration changed, otherwise only starts a stopped service. */
    Optional<Status> ensureRunning(Host host, boolean configChanged) {
        return service.ensureRunning(host, configChanged);
    }

    /** Stops and disables a running service; true if it was running. */
    boolean stop(Host host) {
        return service.stop(host);
    }
}
