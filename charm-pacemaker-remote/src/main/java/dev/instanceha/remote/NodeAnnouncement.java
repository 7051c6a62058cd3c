package dev.instanceha.remote;

import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.interfaces.pacemaker.RemoteNodeName;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.util.Optional;

/**
 * What this unit tells hacluster about itself: node name, address, fencing name and whether
 * resources may run here. Overrides from config win over the machine's own FQDN.
 */
final class NodeAnnouncement {
    private NodeAnnouncement() {}

    /**
     * @param fqdn the machine's FQDN, empty when it could not be found
     * @param address the address on the pacemaker-remote binding, where pacemaker connects (LP 1824514)
     */
    static RemoteNode build(RemoteConfig config, Optional<String> fqdn, String address) {
        String hostname = config.remoteHostname().or(() -> fqdn).orElseThrow(() -> unknown("remote-hostname"));
        if (config.remoteHostname().isEmpty()) {
            RemoteNodeName.problem(hostname).ifPresent(why -> {
                throw unusableFqdn(hostname, why, "remote-hostname");
            });
        }
        Optional<String> stonith = Optional.empty();
        if (config.enableStonith()) {
            // MAAS knows the machine, not the cluster alias: default to the FQDN, not remote-hostname.
            stonith =
                    Optional.of(config.stonithHostname().or(() -> fqdn).orElseThrow(() -> unknown("stonith-hostname")));
            if (config.stonithHostname().isEmpty() && !RemoteNodeName.isDnsName(stonith.get())) {
                throw unusableFqdn(stonith.get(), "is not a DNS host name", "stonith-hostname");
            }
        }
        return new RemoteNode(hostname, address, stonith, config.enableResources());
    }

    private static StatusException unusableFqdn(String fqdn, String why, String option) {
        return new StatusException(
                Status.blocked("This machine's FQDN " + RemoteConfig.quoted(fqdn) + why + ": set " + option));
    }

    private static StatusException unknown(String option) {
        return new StatusException(
                Status.blocked("Cannot find this machine's FQDN (hostname --fqdn failed): set " + option));
    }
}
