package dev.instanceha.interfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Derives a relation's completeness from its remote units: the first unit (relation order, then unit
 * order) whose data is complete wins; otherwise the reasons of the units that were tried are joined.
 * Providers such as keystone or percona-cluster publish from the leader and copy to the other
 * units later, so "some unit is complete" is the upstream rule, not "unit 0 is complete".
 */
public final class UnitSelection {
    /** More would only bury the first reason in a status line. */
    static final int MAX_REASONS = 3;

    private UnitSelection() {}

    public static <T> Completeness<T> firstComplete(
            String endpoint, List<RemoteUnit> units, Function<RemoteUnit, Completeness<T>> parse) {
        if (units.isEmpty()) {
            return Completeness.incomplete(endpoint + ": no remote unit has joined");
        }
        List<String> reasons = new ArrayList<>();
        for (RemoteUnit unit : units) {
            Completeness<T> result = parse.apply(unit);
            if (result.isComplete()) {
                return result;
            }
            reasons.add(result.reason().orElseThrow());
        }
        return Completeness.incomplete(endpoint + ": " + joinReasons(reasons));
    }

    public static String joinReasons(List<String> reasons) {
        List<String> shown = reasons.subList(0, Math.min(MAX_REASONS, reasons.size()));
        String joined = String.join("; ", shown);
        int hidden = reasons.size() - shown.size();
        return hidden > 0 ? joined + "; and " + hidden + " more unit(s)" : joined;
    }
}
