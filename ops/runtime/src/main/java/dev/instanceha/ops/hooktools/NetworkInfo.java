package dev.instanceha.ops.hooktools;

import java.util.List;

/** What {@code network-get <binding>} reports for one endpoint or extra-binding. */
public record NetworkInfo(List<BindAddress> bindAddresses, List<String> ingressAddresses, List<String> egressSubnets) {
    public NetworkInfo {
        bindAddresses = List.copyOf(bindAddresses);
        ingressAddresses = List.copyOf(ingressAddresses);
        egressSubnets = List.copyOf(egressSubnets);
    }

    /** The first ingress address: what a remote peer should use to reach this unit. */
    public java.util.Optional<String> ingressAddress() {
        return ingressAddresses.stream().findFirst();
    }

    public record BindAddress(String interfaceName, String macAddress, List<Address> addresses) {
        public BindAddress {
            addresses = List.copyOf(addresses);
        }
    }

    public record Address(String value, String cidr, String hostname) {}
}
