package dev.instanceha.simulators.maas;

import java.util.Objects;

/**
 * A machine the simulator serves. MAAS hostnames are short and unique; the FQDN is hostname.domain.
 *
 * @param owner null means "not allocated", which makes power_on answer 409 like real MAAS
 */
public record MachineSpec(
        String hostname, String domain, String systemId, String powerType, String owner, PowerState initialState) {
    public MachineSpec {
        Objects.requireNonNull(hostname, "hostname");
        // Short DNS labels only: MAAS hostnames never contain dots, and power commands may embed them.
        if (!hostname.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})")) {
            throw new IllegalArgumentException("not a short MAAS hostname: " + hostname);
        }
        domain = domain == null ? "maas" : domain;
        systemId = systemId == null ? defaultSystemId(hostname) : systemId;
        powerType = powerType == null ? "ipmi" : powerType;
        initialState = initialState == null ? PowerState.ON : initialState;
    }

    /** A deployed, allocated machine that is powered on. */
    public static MachineSpec deployed(String hostname) {
        return new MachineSpec(hostname, null, null, null, "admin", PowerState.ON);
    }

    public String fqdn() {
        return hostname + "." + domain;
    }

    public MachineSpec withOwner(String newOwner) {
        return new MachineSpec(hostname, domain, systemId, powerType, newOwner, initialState);
    }

    public MachineSpec withDomain(String newDomain) {
        return new MachineSpec(hostname, newDomain, systemId, powerType, owner, initialState);
    }

    public MachineSpec withInitialState(PowerState state) {
        return new MachineSpec(hostname, domain, systemId, powerType, owner, state);
    }

    // MAAS system ids are six lower-case alphanumerics; derive one so runs are reproducible.
    private static String defaultSystemId(String hostname) {
        String alphabet = "abcdefghjkmnpqrstuvwxy0123456789";
        int h = hostname.hashCode();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(alphabet.charAt(Math.floorMod(h >> (i * 5), alphabet.length())));
        }
        return id.toString();
    }
}
