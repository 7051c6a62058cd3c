package dev.instanceha.hacluster;

import dev.instanceha.ops.host.Host;
import java.util.List;

/**
 * Services the principal hands over to pacemaker (init_services, e.g. haproxy): disabled at boot
 * so that only pacemaker starts them. Left running: pacemaker adopts a running lsb/systemd
 * resource instead of the principal losing it while the cluster forms.
 */
final class InitServices {
    static final String DISABLED_KEY = "init-services-disabled";

    private InitServices() {}

    static void disable(dev.instanceha.ops.charm.HookContext hook, List<String> services) {
        String wanted = String.join(" ", services.stream().sorted().toList());
        if (services.isEmpty()
                || hook.model().state().get(DISABLED_KEY).filter(wanted::equals).isPresent()) {
            return; // asked once per change of the list: a second hook runs nothing
        }
        Host host = hook.host();
        services.forEach(host.services()::disable);
        hook.model().state().put(DISABLED_KEY, wanted);
    }
}
