package dev.instanceha.stonith;

import java.util.List;
import java.util.Locale;

/**
 * Finds the one MAAS machine for a cluster node: explicit map first, then the node name itself,
 * looked up by its short form (MAAS hostnames are short and unique). Zero or several matches is
 * a failure: fencing the wrong machine is worse than not fencing.
 */
public final class MachineResolver {
    private final MaasClient client;
    private final HostMap hostMap;
    private final boolean matchFqdn;

    public MachineResolver(MaasClient client, HostMap hostMap, boolean matchFqdn) {
        this.client = client;
        this.hostMap = hostMap;
        this.matchFqdn = matchFqdn;
    }

    public MaasMachine resolve(String node) throws MaasException {
        String name = hostMap.machineFor(node).orElse(node).strip();
        String shortName = shortName(name);
        List<MaasMachine> found = client.machinesByHostname(shortName);
        if (found.isEmpty()) {
            throw new MaasException(
                    MaasException.Kind.NOT_FOUND,
                    "no MAAS machine has hostname '" + shortName + "'"
                            + (name.equals(node) ? "" : " (mapped from node '" + node + "')")
                            + "; check " + Params.PLUG + " and " + Params.HOSTNAME_MAP);
        }
        if (found.size() > 1) {
            throw new MaasException(
                    MaasException.Kind.PROTOCOL,
                    "MAAS returned " + found.size() + " machines for hostname '" + shortName
                            + "'; expected exactly one");
        }
        MaasMachine machine = found.get(0);
        if (!machine.hostname().equalsIgnoreCase(shortName)) {
            throw new MaasException(
                    MaasException.Kind.PROTOCOL,
                    "MAAS answered hostname '" + shortName + "' with machine '" + machine.hostname() + "'");
        }
        if (matchFqdn && name.contains(".") && !machine.fqdn().equalsIgnoreCase(name)) {
            throw new MaasException(
                    MaasException.Kind.NOT_FOUND,
                    "MAAS machine '" + machine.hostname() + "' has FQDN '" + machine.fqdn() + "', not '" + name + "' ("
                            + Params.MATCH_FQDN + " is set)");
        }
        return machine;
    }

    static String shortName(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
