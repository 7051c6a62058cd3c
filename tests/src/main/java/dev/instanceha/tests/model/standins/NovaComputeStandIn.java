package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.CharmMeta;
import dev.instanceha.tests.model.juju.HookSession;
import dev.instanceha.tests.model.juju.StandIn;
import java.util.Map;

/**
 * nova-compute: the principal our subordinates attach to. Its unit owns a real model machine; the
 * machine's hostname becomes a nova-compute service in the Nova simulator (as the real
 * nova-compute registers itself) and a deployed machine in the MAAS simulator (as MAAS knows the
 * machines Juju deployed on), so a fence powers this very machine off. Like the real charm it
 * installs libvirt on its machine, which the instance monitor beside it connects to.
 */
final class NovaComputeStandIn implements StandIn {
    private final ModelCloud cloud;
    private final CharmMeta meta =
            StandIns.meta("nova-compute", false, Map.of("cloud-compute", StandIns.ep("nova-compute")), Map.of());

    NovaComputeStandIn(ModelCloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public CharmMeta meta() {
        return meta;
    }

    @Override
    public boolean needsMachine() {
        return true;
    }

    @Override
    public void handle(HookSession s) {
        String host = s.unit().machine().hostname();
        switch (s.event().hook()) {
            case "install" -> {
                s.setStatus("maintenance", "Installing packages");
                dev.instanceha.tests.lab.Lab.Result r = s.unit()
                        .machine()
                        .lxc()
                        .exec(
                                java.time.Duration.ofMinutes(10),
                                "sh",
                                "-c",
                                "apt-get install -y -q -o DPkg::Lock::Timeout=300 libvirt-daemon-system >/var/log/model-nova-compute.log 2>&1"
                                        + " || { apt-get update -q && apt-get install -y -q libvirt-daemon-system >>/var/log/model-nova-compute.log 2>&1; }");
                if (r.exitCode() != 0) {
                    throw new IllegalStateException(
                            "apt-get install libvirt-daemon-system failed (see /var/log/model-nova-compute.log on "
                                    + host + ")");
                }
            }
            case "remove" -> cloud.nova().inventory().removeHost(host);
            default -> {
                if (cloud.nova().inventory().serviceByHost(host).isEmpty()) {
                    cloud.nova().inventory().addHost(host);
                }
                cloud.enlist(host);
                s.setVersion("30.0.0");
                StandInSupport.ready(s);
            }
        }
    }
}
