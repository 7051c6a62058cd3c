package dev.instanceha.tests.model.juju;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A relation between two application endpoints (or a peer relation of one), with its databags:
 * one per unit and one per application. {@link #joined} is what each unit has been told with
 * relation-joined, so -changed and -departed go only to units that saw the join, as in Juju.
 */
public final class Relation {
    final int id;
    final Application appA;
    final String endpointA;
    final Application appB; // == appA for a peer relation
    final String endpointB;
    final boolean container;
    final Map<String, Map<String, String>> unitData = new HashMap<>();
    final Map<String, Map<String, String>> appData = new HashMap<>();
    final Map<String, Set<String>> joined = new HashMap<>();
    final Set<String> created = new LinkedHashSet<>();
    boolean broken;

    Relation(int id, Application appA, String endpointA, Application appB, String endpointB, boolean container) {
        this.id = id;
        this.appA = appA;
        this.endpointA = endpointA;
        this.appB = appB;
        this.endpointB = endpointB;
        this.container = container;
    }

    public int id() {
        return id;
    }

    boolean peer() {
        return appA == appB;
    }

    boolean involves(Application app) {
        return appA == app || appB == app;
    }

    /** The endpoint name this application sees the relation under. */
    String endpointOf(Application app) {
        return app == appA ? endpointA : endpointB;
    }

    Application remoteApp(Application app) {
        return app == appA ? appB : appA;
    }

    /** relation-ids prints this: endpoint:id. */
    String ref(Application app) {
        return endpointOf(app) + ":" + id;
    }

    /** The remote units that may be in scope for this unit (started, not dying, same machine for container scope). */
    List<Unit> candidates(Unit unit) {
        List<Unit> out = new ArrayList<>();
        for (Unit other : remoteApp(unit.app).units) {
            if (other == unit || !other.started || other.dying) {
                continue;
            }
            if (container && other.machine != unit.machine) {
                continue;
            }
            out.add(other);
        }
        return out;
    }

    Set<String> joinedBy(Unit unit) {
        return joined.computeIfAbsent(unit.name, k -> new LinkedHashSet<>());
    }

    Map<String, String> unitBag(String unit) {
        return unitData.computeIfAbsent(unit, k -> new LinkedHashMap<>());
    }

    Map<String, String> appBag(String app) {
        return appData.computeIfAbsent(app, k -> new LinkedHashMap<>());
    }

    String describe() {
        return peer()
                ? appA.name + ":" + endpointA + " (peer)"
                : appA.name + ":" + endpointA + " " + appB.name + ":" + endpointB;
    }
}
