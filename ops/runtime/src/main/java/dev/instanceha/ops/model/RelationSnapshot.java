package dev.instanceha.ops.model;

import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An immutable {@link RelationView}: what the model loads, and what tests build by hand. */
public record RelationSnapshot(
        String endpoint,
        int id,
        String remoteApp,
        Map<String, String> remoteAppData,
        SortedMap<String, Map<String, String>> remoteUnitsData,
        Map<String, String> localUnitData,
        Map<String, String> localAppData)
        implements RelationView {

    /** Orders {@code app/2} before {@code app/10}. */
    public static final Comparator<String> UNIT_ORDER = Comparator.comparing(
                    (String unit) -> unit.substring(0, Math.max(0, unit.lastIndexOf('/'))))
            .thenComparingInt(RelationSnapshot::unitNumber);

    public RelationSnapshot {
        remoteApp = remoteApp == null ? "" : remoteApp;
        remoteAppData = Map.copyOf(remoteAppData == null ? Map.of() : remoteAppData);
        TreeMap<String, Map<String, String>> units = new TreeMap<>(UNIT_ORDER);
        if (remoteUnitsData != null) {
            remoteUnitsData.forEach((unit, data) -> units.put(unit, Map.copyOf(data)));
        }
        remoteUnitsData = java.util.Collections.unmodifiableSortedMap(units);
        localUnitData = Map.copyOf(localUnitData == null ? Map.of() : localUnitData);
        localAppData = Map.copyOf(localAppData == null ? Map.of() : localAppData);
    }

    /** A relation with only remote data, the common shape in interface tests. */
    public static RelationSnapshot ofRemote(
            String endpoint,
            int id,
            String remoteApp,
            Map<String, String> remoteAppData,
            Map<String, Map<String, String>> remoteUnitsData) {
        return new RelationSnapshot(
                endpoint,
                id,
                remoteApp,
                remoteAppData,
                remoteUnitsData == null ? null : new TreeMap<>(remoteUnitsData),
                Map.of(),
                Map.of());
    }

    static int unitNumber(String unit) {
        int slash = unit.lastIndexOf('/');
        try {
            return slash < 0 ? -1 : Integer.parseInt(unit.substring(slash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
