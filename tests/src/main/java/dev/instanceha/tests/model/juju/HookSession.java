package dev.instanceha.tests.model.juju;

import dev.instanceha.ops.testing.jujuc.HookToolContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One hook (or action) running on one unit: what it may read, and what it wrote, buffered until
 * the hook exits 0 — relation data, leader settings, unit state and ports are committed then, as
 * Juju's unit agent commits them; status, version and log lines take effect at once.
 * Every method runs under the model's lock.
 */
public final class HookSession implements HookToolContext<Relation> {
    /** Bindings every charm here may ask network-get about besides its endpoints. */
    private static final Set<String> EXTRA_BINDINGS = Set.of("public", "admin", "internal", "cluster");

    final Model model;
    final Unit unit;
    final HookEvent event;
    final String contextId;
    final Map<Relation, Map<String, String>> unitWrites = new LinkedHashMap<>();
    final Map<Relation, Map<String, String>> appWrites = new LinkedHashMap<>();
    final Map<String, String> leaderWrites = new LinkedHashMap<>();
    final Map<String, String> stateWrites = new LinkedHashMap<>();
    final Set<String> stateDeletes = new LinkedHashSet<>();
    final Set<String> portsOpened = new LinkedHashSet<>();
    final Set<String> portsClosed = new LinkedHashSet<>();
    final List<String> toolCalls = new ArrayList<>();
    private final Consumer<String> log;

    HookSession(Model model, Unit unit, HookEvent event, String contextId, Consumer<String> log) {
        this.model = model;
        this.unit = unit;
        this.event = event;
        this.contextId = contextId;
        this.log = log;
    }

    public Unit unit() {
        return unit;
    }

    public HookEvent event() {
        return event;
    }

    public List<String> toolCalls() {
        return toolCalls;
    }

    // ------------------------------------------------------------------ HookToolContext

    @Override
    public String unitName() {
        return unit.name;
    }

    @Override
    public String appName() {
        return unit.app.name;
    }

    @Override
    public Relation hookRelation() {
        return event.relation();
    }

    @Override
    public String hookRemoteUnit() {
        return event.remoteUnit();
    }

    @Override
    public String hookRemoteApp() {
        if (event.relation() == null) {
            return null;
        }
        return event.remoteApp() != null ? event.remoteApp() : event.relation().remoteApp(unit.app).name;
    }

    @Override
    public String departingUnit() {
        return event.departingUnit();
    }

    @Override
    public HookToolContext.Action action() {
        return event.action();
    }

    @Override
    public void toolCalled(String tool) {
        toolCalls.add(tool);
    }

    @Override
    public Set<String> endpointNames() {
        Set<String> names = new LinkedHashSet<>(unit.app.meta.endpoints().keySet());
        names.addAll(EXTRA_BINDINGS);
        return names;
    }

    @Override
    public String endpoint(Relation r) {
        return r.endpointOf(unit.app);
    }

    @Override
    public int id(Relation r) {
        return r.id;
    }

    @Override
    public boolean isPeer(Relation r) {
        return r.peer();
    }

    @Override
    public String remoteAppName(Relation r) {
        return r.remoteApp(unit.app).name;
    }

    /** A departed unit's bag stays readable; so does that of a unit in scope that wrote nothing yet. */
    @Override
    public boolean hasUnitSettings(Relation r, String unitName) {
        return r.unitData.containsKey(unitName) || remoteUnits(r).contains(unitName);
    }

    @Override
    public HookToolContext.StatusValue status() {
        return new HookToolContext.StatusValue(unit.workload.status(), unit.workload.message());
    }

    @Override
    public HookToolContext.StatusValue appStatus() {
        return new HookToolContext.StatusValue(unit.app.appStatus.status(), unit.app.appStatus.message());
    }

    @Override
    public boolean isLeader() {
        return unit.leader;
    }

    @Override
    public Map<String, Object> config() {
        return unit.app.effectiveConfig();
    }

    /** The relations of an endpoint this unit's application takes part in (relation-ids). */
    @Override
    public List<Relation> relations(String endpoint) {
        List<Relation> out = new ArrayList<>();
        for (Relation r : model.relations) {
            if (!r.broken && r.involves(unit.app) && r.endpointOf(unit.app).equals(endpoint) && visible(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A container-scoped relation exists for a unit only when its counterpart shares the machine. */
    private boolean visible(Relation r) {
        if (!r.container || r.peer()) {
            return true;
        }
        for (Unit other : r.remoteApp(unit.app).units) {
            if (other.machine == unit.machine) {
                return true;
            }
        }
        return false;
    }

    /** relation-list: the remote units this unit has seen join, minus the one departing in this hook. */
    @Override
    public List<String> remoteUnits(Relation r) {
        List<String> out = new ArrayList<>(r.joinedBy(unit));
        if (event.departingUnit() != null && r == event.relation()) {
            out.remove(event.departingUnit());
        }
        out.sort(null);
        return out;
    }

    public Application remoteApp(Relation r) {
        return r.remoteApp(unit.app);
    }

    /** relation-get of a unit's databag; this unit's own includes what it wrote in this hook. */
    @Override
    public Map<String, String> unitData(Relation r, String unitName) {
        Map<String, String> data = new LinkedHashMap<>(r.unitBag(unitName));
        if (unitName.equals(unit.name)) {
            applyWrites(data, unitWrites.get(r));
        }
        return data;
    }

    @Override
    public Map<String, String> appData(Relation r, String appName) {
        Map<String, String> data = new LinkedHashMap<>(r.appBag(appName));
        if (appName.equals(unit.app.name)) {
            applyWrites(data, appWrites.get(r));
        }
        return data;
    }

    @Override
    public void setUnitData(Relation r, Map<String, String> data) {
        unitWrites.computeIfAbsent(r, k -> new LinkedHashMap<>()).putAll(data);
    }

    @Override
    public void setAppData(Relation r, Map<String, String> data) {
        appWrites.computeIfAbsent(r, k -> new LinkedHashMap<>()).putAll(data);
    }

    @Override
    public Map<String, String> leaderSettings() {
        Map<String, String> data = new LinkedHashMap<>(unit.app.leaderSettings);
        applyWrites(data, leaderWrites);
        return data;
    }

    @Override
    public void setLeaderSettings(Map<String, String> data) {
        leaderWrites.putAll(data);
    }

    @Override
    public Map<String, String> state() {
        Map<String, String> data = new LinkedHashMap<>(unit.state);
        stateDeletes.forEach(data::remove);
        applyWrites(data, stateWrites);
        return data;
    }

    @Override
    public void setState(Map<String, String> data) {
        data.keySet().forEach(stateDeletes::remove);
        stateWrites.putAll(data);
    }

    @Override
    public void deleteState(String key) {
        stateWrites.remove(key);
        stateDeletes.add(key);
    }

    @Override
    public void setStatus(String status, String message) {
        unit.workload = new Status(status, message);
        model.statusChanged(unit);
    }

    @Override
    public void setAppStatus(String status, String message) {
        unit.app.appStatus = new Status(status, message);
    }

    @Override
    public void setVersion(String version) {
        unit.app.version = version;
    }

    @Override
    public void log(String level, String message) {
        log.accept(level + " " + message);
    }

    @Override
    public Set<String> ports() {
        Set<String> now = new LinkedHashSet<>(unit.ports);
        now.removeAll(portsClosed);
        now.addAll(portsOpened);
        return now;
    }

    @Override
    public void openPort(String port) {
        portsClosed.remove(port);
        portsOpened.add(port);
    }

    @Override
    public void closePort(String port) {
        portsOpened.remove(port);
        portsClosed.add(port);
    }

    @Override
    public String address() {
        return unit.machine.address;
    }

    /** Relation by reference (endpoint:id or id), among those this unit can see. */
    @Override
    public Relation relation(String ref) {
        String idText = ref.substring(ref.lastIndexOf(':') + 1);
        for (Relation r : model.relations) {
            if (String.valueOf(r.id).equals(idText) && r.involves(unit.app) && (!r.broken || r == event.relation())) {
                return r;
            }
        }
        return null;
    }

    private static void applyWrites(Map<String, String> data, Map<String, String> writes) {
        if (writes == null) {
            return;
        }
        writes.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                data.remove(k);
            } else {
                data.put(k, v);
            }
        });
    }

    /** Merges buffered writes into a databag; returns whether it changed. */
    static boolean merge(Map<String, String> bag, Map<String, String> writes) {
        Map<String, String> before = new HashMap<>(bag);
        applyWrites(bag, writes);
        return !before.equals(bag);
    }
}
