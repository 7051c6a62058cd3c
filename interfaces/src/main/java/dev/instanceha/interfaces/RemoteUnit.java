package dev.instanceha.interfaces;

import dev.instanceha.ops.model.RelationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One remote unit's databag together with the relation it arrived on. */
public record RemoteUnit(RelationView relation, String unit, Map<String, String> data) {

    /** Every remote unit of every relation, relations in the given order, units in unit order. */
    public static List<RemoteUnit> all(List<? extends RelationView> relations) {
        List<RemoteUnit> units = new ArrayList<>();
        for (RelationView relation : relations) {
            relation.remoteUnitsData().forEach((unit, data) -> units.add(new RemoteUnit(relation, unit, data)));
        }
        return units;
    }

    public FieldReader reader() {
        return new FieldReader(unit, data);
    }
}
