package dev.instanceha.tests.model.juju;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The model's state and Juju's event rules: which hooks a change queues on which units. It never
 * runs a hook itself ({@link Controller} does); every method runs under {@link #lock}.
 *
 * <p>Order as Juju's uniter gives it: install → relation-created (each existing relation) →
 * leader-elected / leader-settings-changed → config-changed → start; after start, the unit enters
 * the scope of its relations (-joined then -changed, both ways); a committed change to a databag
 * queues -changed on the units that saw the writer join; leaving scope queues -departed, a relation
 * going away -broken.
 */
public final class Model {
    final Object lock = new Object();
    final Map<String, Application> applications = new LinkedHashMap<>();
    final List<Relation> relations = new ArrayList<>();
    final Map<String, Machine> machines = new LinkedHashMap<>();
    final String name;
    final String uuid;
    int nextRelationId;
    int nextMachine;
    private final Consumer<Unit> onStatus;
    private final Runnable wake;

    Model(String name, String uuid, Consumer<Unit> onStatus, Runnable wake) {
        this.name = name;
        this.uuid = uuid;
        this.onStatus = onStatus;
        this.wake = wake;
    }

    void statusChanged(Unit unit) {
        onStatus.accept(unit);
    }

    List<Unit> allUnits() {
        List<Unit> out = new ArrayList<>();
        applications.values().forEach(a -> out.addAll(a.units));
        return out;
    }

    Unit unit(String name) {
        for (Unit u : allUnits()) {
            if (u.name.equals(name)) {
                return u;
            }
        }
        throw new ModelException("unit \"" + name + "\" not found");
    }

    Application application(String name) {
        Application a = applications.get(name);
        if (a == null) {
            throw new ModelException("application \"" + name + "\" not found");
        }
        return a;
    }

    void enqueue(Unit unit, HookEvent event) {
        unit.queue.addLast(event);
        wake.run();
    }

    /** A new unit gets its first hooks; its peer relations exist from the start (created with the application). */
    Unit addUnit(Application app, Machine machine, Unit principal) {
        Unit unit = new Unit(app.name + "/" + app.nextUnit++, app, machine, principal);
        if (app.units.stream().noneMatch(u -> u.leader)) {
            unit.leader = true;
        }
        app.units.add(unit);
        enqueue(unit, HookEvent.of("install"));
        for (Relation r : relations) {
            if (r.involves(app) && !r.broken) {
                created(unit, r);
            }
        }
        enqueue(unit, HookEvent.of(unit.leader ? "leader-elected" : "leader-settings-changed"));
        enqueue(unit, HookEvent.of("config-changed"));
        enqueue(unit, HookEvent.of("start"));
        return unit;
    }

    private void created(Unit unit, Relation r) {
        if (r.created.add(unit.name)) {
            enqueue(unit, HookEvent.relation("created", r, r.endpointOf(unit.app), null, r.remoteApp(unit.app).name));
        }
    }

    Relation addRelation(Application a, String endpointA, Application b, String endpointB) {
        boolean container = a.meta.endpoint(endpointA).containerScope()
                || b.meta.endpoint(endpointB).containerScope();
        Relation r = new Relation(nextRelationId++, a, endpointA, b, endpointB, container);
        relations.add(r);
        for (Unit u : a.units) {
            created(u, r);
        }
        if (b != a) {
            for (Unit u : b.units) {
                created(u, r);
            }
        }
        enterScope(r);
        return r;
    }

    /** Started units that share the relation's scope learn of each other: -joined then -changed. */
    void enterScope(Relation r) {
        if (r.broken) {
            return;
        }
        List<Unit> units = new ArrayList<>(r.appA.units);
        if (r.appB != r.appA) {
            units.addAll(r.appB.units);
        }
        for (Unit u : units) {
            if (!u.started || u.dying) {
                continue;
            }
            // Juju puts the unit's addresses in its own databag when it enters scope.
            Map<String, String> bag = r.unitBag(u.name);
            bag.putIfAbsent("private-address", u.machine.address);
            bag.putIfAbsent("ingress-address", u.machine.address);
            bag.putIfAbsent("egress-subnets", u.machine.address + "/32");
            for (Unit v : r.candidates(u)) {
                if (r.joinedBy(u).add(v.name)) {
                    enqueue(u, HookEvent.relation("joined", r, r.endpointOf(u.app), v.name, v.app.name));
                    enqueue(u, HookEvent.relation("changed", r, r.endpointOf(u.app), v.name, v.app.name));
                }
            }
        }
    }

    /** After a hook exits 0: its buffered writes become visible and the readers are told. */
    void commit(HookSession s) {
        Unit unit = s.unit;
        for (Map.Entry<Relation, Map<String, String>> e : s.unitWrites.entrySet()) {
            Relation r = e.getKey();
            if (HookSession.merge(r.unitBag(unit.name), e.getValue())) {
                for (Unit reader : readers(r, unit)) {
                    enqueue(
                            reader,
                            HookEvent.relation("changed", r, r.endpointOf(reader.app), unit.name, unit.app.name));
                }
            }
        }
        for (Map.Entry<Relation, Map<String, String>> e : s.appWrites.entrySet()) {
            Relation r = e.getKey();
            if (HookSession.merge(r.appBag(unit.app.name), e.getValue())) {
                List<Unit> told = new ArrayList<>();
                for (Unit reader : allUnits()) {
                    if (reader.app == r.remoteApp(unit.app)
                            && reader != unit
                            && !reader.dying
                            && !r.joinedBy(reader).isEmpty()) {
                        told.add(reader);
                    }
                }
                for (Unit reader : told) {
                    enqueue(reader, HookEvent.relation("changed", r, r.endpointOf(reader.app), null, unit.app.name));
                }
            }
        }
        if (HookSession.merge(unit.app.leaderSettings, s.leaderWrites)) {
            for (Unit peer : unit.app.units) {
                if (peer != unit && !peer.dying) {
                    enqueue(peer, HookEvent.of("leader-settings-changed"));
                }
            }
        }
        s.stateDeletes.forEach(unit.state::remove);
        HookSession.merge(unit.state, s.stateWrites);
        unit.ports.removeAll(s.portsClosed);
        unit.ports.addAll(s.portsOpened);
    }

    /** Units that saw this unit join the relation. */
    private List<Unit> readers(Relation r, Unit writer) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : allUnits()) {
            if (u != writer && r.involves(u.app) && r.joinedBy(u).contains(writer.name) && !u.dying) {
                out.add(u);
            }
        }
        return out;
    }

    void configChanged(Application app) {
        for (Unit u : app.units) {
            enqueue(u, HookEvent.of("config-changed"));
        }
    }

    void upgraded(Application app) {
        for (Unit u : app.units) {
            enqueue(u, HookEvent.of("upgrade-charm"));
            enqueue(u, HookEvent.of("config-changed"));
        }
    }

    /** A unit leaves: -departed on both sides of every relation it joined, -broken on itself, then stop and remove. */
    void removeUnit(Unit unit) {
        unit.dying = true;
        for (Relation r : relations) {
            if (!r.involves(unit.app)) {
                continue;
            }
            for (Unit other : allUnits()) {
                if (other != unit && r.joinedBy(other).remove(unit.name)) {
                    enqueue(other, departed(r, other, unit.name, unit.name));
                }
            }
            for (String remote : new ArrayList<>(r.joinedBy(unit))) {
                r.joinedBy(unit).remove(remote);
                enqueue(unit, departed(r, unit, remote, unit.name));
            }
            if (r.created.remove(unit.name)) {
                enqueue(
                        unit,
                        HookEvent.relation("broken", r, r.endpointOf(unit.app), null, r.remoteApp(unit.app).name));
            }
        }
        enqueue(unit, HookEvent.of("stop"));
        enqueue(unit, HookEvent.of("remove"));
    }

    void removeRelation(Relation r) {
        r.broken = true;
        for (Unit u : allUnits()) {
            if (!r.involves(u.app)) {
                continue;
            }
            for (String remote : new ArrayList<>(r.joinedBy(u))) {
                r.joinedBy(u).remove(remote);
                enqueue(u, departed(r, u, remote, remote));
            }
            if (r.created.remove(u.name)) {
                enqueue(u, HookEvent.relation("broken", r, r.endpointOf(u.app), null, r.remoteApp(u.app).name));
            }
        }
    }

    /** -departed for {@code to} about {@code remote}; the departing unit is the one leaving scope (it may be {@code to}). */
    private static HookEvent departed(Relation r, Unit to, String remote, String departing) {
        return new HookEvent(
                r.endpointOf(to.app) + "-relation-departed", r, remote, remote.split("/")[0], departing, null);
    }
}
