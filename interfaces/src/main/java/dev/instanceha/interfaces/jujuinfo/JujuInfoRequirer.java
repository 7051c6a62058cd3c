package dev.instanceha.interfaces.jujuinfo;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.Net;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.RelationView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A subordinate's container-scoped {@code juju-info} relation (masakari-monitors {@code container},
 * pacemaker-remote {@code juju-info}). No charm writes data here; Juju itself publishes
 * {@code private-address}, {@code ingress-address} and {@code egress-subnets}.
 */
public final class JujuInfoRequirer {
    /** The endpoint's usual name (pacemaker-remote's). */
    public static final String ENDPOINT = "juju-info";
    /** The name upstream's masakari-monitors gives it, kept so bundles relate it unchanged. */
    public static final String CONTAINER_ENDPOINT = "container";

    private final Endpoint endpoint;

    /** Nothing is ever published: the interface carries only Juju's own keys. */
    public JujuInfoRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The principal of this machine: in container scope the single remote unit. */
    public Completeness<Principal> read() {
        List<? extends RelationView> relations = endpoint.relations();
        if (relations.isEmpty()) {
            return Completeness.incomplete(endpoint.name() + ": not related");
        }
        return UnitSelection.firstComplete(endpoint.name(), RemoteUnit.all(relations), JujuInfoRequirer::parse);
    }

    static Completeness<Principal> parse(RemoteUnit unit) {
        FieldReader r = unit.reader();
        String address = r.requiredHost("private-address");
        Optional<String> ingress = r.host("ingress-address");
        List<String> subnets = r.text("egress-subnets")
                .map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList())
                .orElse(List.of());
        for (String subnet : subnets) {
            if (!isCidr(subnet)) {
                r.problem("'egress-subnets' has an entry that is not a CIDR");
                break;
            }
        }
        return r.result(() -> new Principal(unit.unit(), address, ingress, subnets));
    }

    private static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String bits = s.substring(slash + 1);
        return Net.isIp(s.substring(0, slash))
                && bits.matches("\\d{1,3}")
                && Integer.parseInt(bits) <= (s.contains(":") ? 128 : 32);
    }
}
