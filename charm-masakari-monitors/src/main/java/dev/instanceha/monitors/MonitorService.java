package dev.instanceha.monitors;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.InstalledService;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One monitor's service, found from what is installed (see {@link InstalledService}); Debian names
 * them masakari-host-monitor etc. The java host monitor's service is the charm's own.
 */
record MonitorService(Monitor monitor, String name) {

    /** Empty when nothing installed provides the monitor's service. */
    static Optional<MonitorService> detect(Host host, Monitor monitor) {
        if (!monitor.packaged()) {
            return Optional.of(new MonitorService(monitor, JavaHostMonitor.SERVICE));
        }
        return InstalledService.detect(host, monitor.serviceNames()).map(s -> new MonitorService(monitor, s.name()));
    }

    static boolean isSystemd(Host host) {
        return InstalledService.isSystemd(host);
    }

    static String notFound(Monitor monitor) {
        return String.join(", ", monitor.packages()) + " is installed but provides no " + monitor.label()
                + " service (looked for " + String.join(", ", monitor.serviceNames()) + ")";
    }

    /** Debian's init scripts (openstack-pkg-tools) read their settings from /etc/default/&lt;name&gt;. */
    Path initScript() {
        return new InstalledService(name).initScript();
    }
}
