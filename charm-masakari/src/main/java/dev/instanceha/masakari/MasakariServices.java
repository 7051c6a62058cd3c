package dev.instanceha.masakari;

import dev.instanceha.ops.host.Host;
import java.util.List;

/** The daemons the charm runs: the API (per distribution) and the engine. */
public final class MasakariServices {
    public static final String ENGINE = "masakari-engine";
    private final ApiServer api;

    public MasakariServices(ApiServer api) {
        this.api = api;
    }

    public List<String> names() {
        return List.of(api.service(), ENGINE);
    }

    /**
     * Restarts on change, otherwise only starts what is not running, and enables a service only when
     * it (re)starts it: a second hook runs no state-changing command at all.
     */
    public void ensureRunning(Host host, boolean configChanged) {
        for (String service : names()) {
            if (configChanged) {
                host.services().restart(service);
                host.services().enable(service);
            } else if (!host.services().isRunning(service)) {
                host.services().start(service);
                host.services().enable(service);
            }
        }
    }

    /** Stops and disables what runs (so it stays down after a reboot); a stopped service is left alone. */
    public void stopAll(Host host) {
        for (String service : names()) {
            if (host.services().isRunning(service)) {
                host.services().stop(service);
                host.services().disable(service);
            }
        }
    }

    public List<String> notRunning(Host host) {
        return names().stream().filter(service -> !host.services().isRunning(service)).toList();
    }
}
