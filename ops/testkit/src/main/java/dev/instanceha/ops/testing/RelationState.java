package dev.instanceha.ops.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One relation in a test {@link State}: the remote side's data and this unit's and app's bags. */
public record RelationState(
        String endpoint,
        int id,
        String remoteApp,
        Map<String, String> remoteAppData,
        Map<String, Map<String, String>> remoteUnitsData,
        Map<String, String> localUnitData,
        Map<String, String> localAppData) {
    public RelationState {
        remoteAppData = Map.copyOf(remoteAppData);
        Map<String, Map<String, String>> units = new TreeMap<>(dev.instanceha.ops.model.RelationSnapshot.UNIT_ORDER);
        remoteUnitsData.forEach((unit, data) -> units.put(unit, Map.copyOf(data)));
        remoteUnitsData = java.util.Collections.unmodifiableMap(units);
        localUnitData = Map.copyOf(localUnitData);
        localAppData = Map.copyOf(localAppData);
    }

    /** A relation to {@code remoteApp} with no data yet. */
    /**
     * The address keys Juju itself puts in every unit's databag (private-address, ingress-address,
     * egress-subnets), as a mutable map a test adds the peer's own keys to.
     */
    public static java.util.Map<String, String> addressKeys(String ip) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        m.put("private-address", ip);
        m.put("ingress-address", ip);
        m.put("egress-subnets", ip + "/32");
        return m;
    }

    public static RelationState of(String endpoint, int id, String remoteApp) {
        return new RelationState(endpoint, id, remoteApp, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public String ref() {
        return endpoint + ":" + id;
    }

    public RelationState withRemoteUnit(String unit, Map<String, String> data) {
        Map<String, Map<String, String>> units = new LinkedHashMap<>(remoteUnitsData);
        units.put(unit, data);
        return new RelationState(endpoint, id, remoteApp, remoteAppData, units, localUnitData, localAppData);
    }

    public RelationState withoutRemoteUnit(String unit) {
        Map<String, Map<String, String>> units = new LinkedHashMap<>(remoteUnitsData);
        units.remove(unit);
        return new RelationState(endpoint, id, remoteApp, remoteAppData, units, localUnitData, localAppData);
    }

    public RelationState withRemoteAppData(Map<String, String> data) {
        return new RelationState(endpoint, id, remoteApp, data, remoteUnitsData, localUnitData, localAppData);
    }

    public RelationState withLocalUnitData(Map<String, String> data) {
        return new RelationState(endpoint, id, remoteApp, remoteAppData, remoteUnitsData, data, localAppData);
    }

    public RelationState withLocalAppData(Map<String, String> data) {
        return new RelationState(endpoint, id, remoteApp, remoteAppData, remoteUnitsData, localUnitData, data);
    }
}
