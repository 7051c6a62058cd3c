package dev.instanceha.interfaces.jujuinfo;

import java.util.List;
import java.util.Optional;

/** The principal unit a subordinate is attached to, and the addresses Juju published for it. */
public record Principal(
        String unit, String privateAddress, Optional<String> ingressAddress, List<String> egressSubnets) {
    public Principal {
        egressSubnets = List.copyOf(egressSubnets);
    }

    /** The application part of the unit name, e.g. {@code nova-compute}. */
    public String application() {
        return unit.substring(0, Math.max(0, unit.lastIndexOf('/')));
    }
}
