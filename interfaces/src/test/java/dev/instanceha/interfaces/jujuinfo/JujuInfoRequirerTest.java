package dev.instanceha.interfaces.jujuinfo;

import static dev.instanceha.interfaces.Fixtures.one;
import static dev.instanceha.interfaces.Fixtures.with;
import static dev.instanceha.interfaces.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Fixtures;
import dev.instanceha.ops.model.RelationSnapshot;
import dev.instanceha.ops.testing.FixedEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JujuInfoRequirerTest {
    private static Completeness<Principal> read(List<RelationSnapshot> relations) {
        return new JujuInfoRequirer(FixedEndpoint.of(JujuInfoRequirer.CONTAINER_ENDPOINT, relations)).read();
    }

    @Test
    void principalAddressesParse() {
        // juju-contract.md §5.6: only Juju's own keys are in a juju-info databag.
        FixedEndpoint endpoint = FixedEndpoint.of(
                JujuInfoRequirer.CONTAINER_ENDPOINT,
                one("container", "nova-compute", Fixtures.jujuAddresses("10.5.1.7")));
        Principal p = new JujuInfoRequirer(endpoint).read().value().orElseThrow();
        assertEquals("nova-compute/0", p.unit());
        assertEquals("nova-compute", p.application());
        assertEquals("10.5.1.7", p.privateAddress());
        assertEquals("10.5.1.7", p.ingressAddress().orElseThrow());
        assertEquals(List.of("10.5.1.7/32"), p.egressSubnets());
        assertEquals(Map.of(), endpoint.published());
    }

    @Test
    void severalEgressSubnetsAndIpv6() {
        Principal p = read(one(
                        "container",
                        "nova-compute",
                        with(Fixtures.jujuAddresses("fd00::7"), "egress-subnets", "fd00::7/128, 10.5.1.0/24")))
                .value()
                .orElseThrow();
        assertEquals(List.of("fd00::7/128", "10.5.1.0/24"), p.egressSubnets());
    }

    @Test
    void missingOrMalformedAddressesAreNamed() {
        String why = read(one(
                        "container", "nova-compute", without(Fixtures.jujuAddresses("10.5.1.7"), "private-address")))
                .reason()
                .orElseThrow();
        assertTrue(why.startsWith("container: nova-compute/0: missing 'private-address'"), why);
        why = read(one(
                        "container",
                        "nova-compute",
                        with(Fixtures.jujuAddresses("10.5.1.7"), "egress-subnets", "10.5.1.7/33")))
                .reason()
                .orElseThrow();
        assertTrue(why.contains("'egress-subnets'"), why);
        why = read(one(
                        "container",
                        "nova-compute",
                        with(Fixtures.jujuAddresses("10.5.1.7"), "ingress-address", "növa.example")))
                .reason()
                .orElseThrow();
        assertTrue(why.contains("'ingress-address'"), why);
        why = read(one(
                        "container",
                        "nova-compute",
                        with(Fixtures.jujuAddresses("10.5.1.7"), "private-address", Fixtures.LONG_TEXT)))
                .reason()
                .orElseThrow();
        assertTrue(why.contains("'private-address' is too long"), why);
        assertEquals("container: not related", read(List.of()).reason().orElseThrow());
    }
}
