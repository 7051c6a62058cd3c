package dev.instanceha.ops.testing;

import dev.instanceha.ops.hooktools.HookToolException;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.hooktools.LogLevel;
import dev.instanceha.ops.hooktools.NetworkInfo;
import dev.instanceha.ops.hooktools.StatusInfo;
import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Juju's hook tools over a test {@link State}, refusing what Juju refuses (app data written by a
 * non-leader, action tools outside an action, unknown relations) with the same error text.
 */
public final class InMemoryHookTools implements HookTools {
    private final State initial;
    private final Event event;
    private final Map<String, Map<String, String>> localUnit = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> localApp = new LinkedHashMap<>();
    private final Map<String, String> unitState;
    private final List<String> ports;
    private final List<Status> statusHistory = new ArrayList<>();
    private Status appStatus;
    private final List<String> logs = new ArrayList<>();
    private final Map<String, String> actionResults = new LinkedHashMap<>();
    private final List<String> actionLogs = new ArrayList<>();
    private String actionFailure;
    private String workloadVersion;
    private final List<String> relationWrites = new ArrayList<>();

    public InMemoryHookTools(State state, Event event) {
        this.initial = state;
        this.event = event;
        state.relations().forEach(r -> {
            localUnit.put(r.ref(), new LinkedHashMap<>(r.localUnitData()));
            localApp.put(r.ref(), new LinkedHashMap<>(r.localAppData()));
        });
        unitState = new LinkedHashMap<>(state.unitState());
        ports = new ArrayList<>(state.openedPorts());
    }

    // --- relations

    @Override
    public List<String> relationIds(String endpoint) {
        return initial.relations().stream().filter(r -> r.endpoint().equals(endpoint)).map(RelationState::ref).toList();
    }

    @Override
    public List<String> relationList(String relationRef) {
        RelationState relation = relation(relationRef);
        return relation.remoteUnitsData().keySet().stream()
                .filter(unit -> !(relation.id() == idOf(event.relationId()) && unit.equals(event.departingUnit())))
                .toList();
    }

    @Override
    public Optional<String> relationRemoteApp(String relationRef) {
        String app = relation(relationRef).remoteApp();
        return app.isEmpty() ? Optional.empty() : Optional.of(app);
    }

    @Override
    public Map<String, String> relationGet(String relationRef, String unit) {
        RelationState relation = relation(relationRef);
        if (unit.equals(initial.unit())) {
            Map<String, String> data = new LinkedHashMap<>(Map.of("private-address", initial.address(),
                    "ingress-address", initial.address(), "egress-subnets", initial.address() + "/32"));
            data.putAll(localUnit.get(relationRef));
            return data;
        }
        Map<String, String> data = relation.remoteUnitsData().get(unit);
        if (data == null) {
            throw fail("relation-get", 1, "ERROR cannot read settings for unit \"" + unit + "\" in relation \""
                    + relationRef + "\": unit \"" + unit + "\": settings not found");
        }
        return data;
    }

    @Override
    public Map<String, String> relationGetApp(String relationRef, String app) {
        RelationState relation = relation(relationRef);
        if (app.equals(initial.app())) {
            boolean peer = relation.remoteApp().equals(initial.app());
            if (!peer && !initial.leader()) {
                throw fail("relation-get", 1, "ERROR permission denied");
            }
            return Map.copyOf(localApp.get(relationRef));
        }
        return relation.remoteAppData();
    }

    @Override
    public void relationSet(String relationRef, Map<String, String> data) {
        relation(relationRef);
        merge(localUnit.get(relationRef), data);
        relationWrites.add(relationRef + " unit " + data.keySet());
    }

    @Override
    public void relationSetApp(String relationRef, Map<String, String> data) {
        relation(relationRef);
        if (!initial.leader()) {
            throw fail("relation-set", 1, "ERROR cannot write relation settings");
        }
        merge(localApp.get(relationRef), data);
        relationWrites.add(relationRef + " app " + data.keySet());
    }

    // --- config, status, log

    @Override
    public Map<String, Object> configGet() {
        return new LinkedHashMap<>(initial.config());
    }

    @Override
    public void statusSet(StatusLevel level, String message) {
        statusHistory.add(new Status(level, message));
    }

    @Override
    public void applicationStatusSet(StatusLevel level, String message) {
        if (!initial.leader()) {
            throw fail("status-set", 1, "ERROR setting application status: this unit is not the leader");
        }
        appStatus = new Status(level, message);
    }

    @Override
    public StatusInfo statusGet() {
        if (statusHistory.isEmpty()) {
            return new StatusInfo("unknown", "");
        }
        Status last = statusHistory.get(statusHistory.size() - 1);
        return new StatusInfo(last.level().jujuName(), last.message());
    }

    @Override
    public void applicationVersionSet(String version) {
        workloadVersion = version;
    }

    @Override
    public void jujuLog(LogLevel level, String message) {
        logs.add(level + " " + message);
    }

    // --- actions

    @Override
    public Map<String, Object> actionGet() {
        requireAction("action-get");
        return new LinkedHashMap<>(event.actionParams());
    }

    @Override
    public void actionSet(Map<String, String> results) {
        requireAction("action-set");
        actionResults.putAll(results);
    }

    @Override
    public void actionFail(String message) {
        requireAction("action-fail");
        actionFailure = message;
    }

    @Override
    public void actionLog(String message) {
        requireAction("action-log");
        actionLogs.add(message);
    }

    // --- leadership and state

    @Override
    public boolean isLeader() {
        return initial.leader();
    }

    @Override
    public Map<String, String> leaderGet() {
        return Map.of();
    }

    @Override
    public void leaderSet(Map<String, String> data) {
        if (!initial.leader()) {
            throw fail("leader-set", 1, "ERROR cannot write leadership settings: not the leader");
        }
    }

    @Override
    public Map<String, String> stateGet() {
        return Map.copyOf(unitState);
    }

    @Override
    public void stateSet(Map<String, String> data) {
        merge(unitState, data);
    }

    @Override
    public void stateDelete(String key) {
        unitState.remove(key);
    }

    // --- network and ports

    @Override
    public NetworkInfo networkGet(String binding) {
        NetworkInfo.Address address = new NetworkInfo.Address(initial.address(), "", "");
        return new NetworkInfo(List.of(new NetworkInfo.BindAddress("eth0", "", List.of(address))),
                List.of(initial.address()), List.of(initial.address() + "/32"));
    }

    @Override
    public void openPort(String port) {
        if (!ports.contains(port)) {
            ports.add(port);
        }
    }

    @Override
    public void closePort(String port) {
        ports.remove(port);
    }

    @Override
    public List<String> openedPorts() {
        return List.copyOf(ports);
    }

    @Override
    public String unitGet(String key) {
        return initial.address();
    }

    // --- what the test reads back

    /** The state after the event; relation and state writes only count if the hook succeeded. */
    State stateAfter(boolean committed) {
        if (!committed) {
            return initial;
        }
        List<RelationState> relations = initial.relations().stream()
                .map(r -> r.withLocalUnitData(localUnit.get(r.ref())).withLocalAppData(localApp.get(r.ref())))
                .toList();
        State out = initial.withUnitState(unitState).withOpenedPorts(ports);
        for (RelationState relation : relations) {
            out = out.withRelation(relation);
        }
        return out;
    }

    List<Status> statusHistory() {
        return List.copyOf(statusHistory);
    }

    Optional<Status> appStatus() {
        return Optional.ofNullable(appStatus);
    }

    List<String> logs() {
        return List.copyOf(logs);
    }

    Map<String, String> actionResults() {
        return Map.copyOf(actionResults);
    }

    List<String> actionLogs() {
        return List.copyOf(actionLogs);
    }

    Optional<String> actionFailure() {
        return Optional.ofNullable(actionFailure);
    }

    Optional<String> workloadVersion() {
        return Optional.ofNullable(workloadVersion);
    }

    List<String> relationWrites() {
        return List.copyOf(relationWrites);
    }

    private RelationState relation(String relationRef) {
        int id = idOf(Integer.parseInt(relationRef.substring(relationRef.lastIndexOf(':') + 1)));
        return initial.relation(id).orElseThrow(() -> new HookToolException.RelationNotFoundException("relation-get",
                2, "ERROR invalid value \"" + relationRef + "\" for option -r: relation not found"));
    }

    private void requireAction(String tool) {
        if (!event.isAction()) {
            throw fail(tool, 1, "ERROR not running an action");
        }
    }

    private static int idOf(Integer id) {
        return id == null ? -1 : id;
    }

    private static void merge(Map<String, String> target, Map<String, String> data) {
        data.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                target.remove(key);
            } else {
                target.put(key, value);
            }
        });
    }

    private static HookToolException fail(String tool, int exit, String stderr) {
        return HookToolException.of(tool, exit, stderr);
    }
}
