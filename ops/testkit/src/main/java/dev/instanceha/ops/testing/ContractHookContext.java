package dev.instanceha.ops.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.testing.jujuc.HookToolContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One event's hook tools over a unit's JSON document (the shape {@link ContractRunner#read()}
 * returns): the contract runner's unit between processes, or an {@link InMemoryUnit} for one
 * in-memory event. Writes land in the document at once; its owner puts relations, state, ports
 * and leader settings back when the hook exits non-zero. Each databag write is also listed under
 * {@code relation_writes} ("ref unit|app [keys]"), so a test can see that a rerun writes nothing.
 * A relation is named by its object in the document's {@code relations} array.
 */
final class ContractHookContext implements HookToolContext<ObjectNode> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

    private final ObjectNode unit;
    private final Event event;
    private final Set<String> endpointNames;

    ContractHookContext(ObjectNode unit, Event event, Set<String> endpointNames) {
        this.unit = unit;
        this.event = event;
        this.endpointNames = endpointNames;
    }

    @Override
    public String unitName() {
        return unit.path("unit").asText();
    }

    @Override
    public ObjectNode hookRelation() {
        return event.relationId() == null ? null : byId(String.valueOf(event.relationId()));
    }

    @Override
    public String hookRemoteUnit() {
        return event.relationId() == null ? null : event.remoteUnit();
    }

    @Override
    public String hookRemoteApp() {
        ObjectNode r = hookRelation();
        return r == null ? null : remoteAppName(r);
    }

    @Override
    public String departingUnit() {
        return event.relationId() == null ? null : event.departingUnit();
    }

    @Override
    public Action action() {
        if (!event.isAction()) {
            return null;
        }
        ObjectNode action = object(unit, "action");
        return new Action() {
            @Override
            public Map<String, Object> params() {
                return objects(action.path("params"));
            }

            @Override
            public void addResults(Map<String, String> results) {
                ObjectNode out = object(action, "results");
                results.forEach(out::put);
            }

            @Override
            public void fail(String message) {
                action.put("failed", message);
            }

            @Override
            public void log(String message) {
                array(action, "logs").add(message);
            }
        };
    }

    @Override
    public void toolCalled(String tool) {
        array(unit, "calls").add(tool);
    }

    @Override
    public Set<String> endpointNames() {
        return endpointNames;
    }

    @Override
    public List<ObjectNode> relations(String endpoint) {
        List<ObjectNode> out = new ArrayList<>();
        unit.path("relations").forEach(r -> {
            if (r.path("endpoint").asText().equals(endpoint)) {
                out.add((ObjectNode) r);
            }
        });
        return out;
    }

    @Override
    public ObjectNode relation(String ref) {
        return byId(ref.substring(ref.lastIndexOf(':') + 1));
    }

    private ObjectNode byId(String id) {
        for (JsonNode r : unit.path("relations")) {
            if (r.path("id").asText().equals(id)) {
                return (ObjectNode) r;
            }
        }
        return null;
    }

    @Override
    public String endpoint(ObjectNode relation) {
        return relation.path("endpoint").asText();
    }

    @Override
    public int id(ObjectNode relation) {
        return relation.path("id").asInt();
    }

    @Override
    public boolean isPeer(ObjectNode relation) {
        return remoteAppName(relation).equals(appName());
    }

    @Override
    public String remoteAppName(ObjectNode relation) {
        return relation.path("remote_app").asText();
    }

    @Override
    public List<String> remoteUnits(ObjectNode relation) {
        List<String> out = new ArrayList<>();
        relation.path("remote_units").fieldNames().forEachRemaining(out::add);
        out.sort(null);
        return out;
    }

    @Override
    public boolean hasUnitSettings(ObjectNode relation, String unitName) {
        return relation.path("remote_units").has(unitName);
    }

    @Override
    public Map<String, String> unitData(ObjectNode relation, String unitName) {
        return strings(
                unitName.equals(unitName())
                        ? relation.path("local_unit")
                        : relation.path("remote_units").path(unitName));
    }

    @Override
    public Map<String, String> appData(ObjectNode relation, String app) {
        return strings(app.equals(appName()) ? relation.path("local_app") : relation.path("remote_app_data"));
    }

    @Override
    public void setUnitData(ObjectNode relation, Map<String, String> data) {
        merge(object(relation, "local_unit"), data);
        array(unit, "relation_writes").add(ref(relation) + " unit " + data.keySet());
    }

    @Override
    public void setAppData(ObjectNode relation, Map<String, String> data) {
        merge(object(relation, "local_app"), data);
        array(unit, "relation_writes").add(ref(relation) + " app " + data.keySet());
    }

    @Override
    public boolean isLeader() {
        return unit.path("leader").asBoolean();
    }

    @Override
    public Map<String, String> leaderSettings() {
        return strings(unit.path("leader_settings"));
    }

    @Override
    public void setLeaderSettings(Map<String, String> data) {
        merge(object(unit, "leader_settings"), data);
    }

    @Override
    public Map<String, String> state() {
        return strings(unit.path("state"));
    }

    @Override
    public void setState(Map<String, String> data) {
        merge(object(unit, "state"), data);
    }

    @Override
    public void deleteState(String key) {
        object(unit, "state").remove(key);
    }

    @Override
    public StatusValue status() {
        return statusOf(unit.path("status"));
    }

    @Override
    public StatusValue appStatus() {
        return statusOf(unit.path("app_status"));
    }

    private static StatusValue statusOf(JsonNode node) {
        return new StatusValue(
                node.path("status").asText("unknown"), node.path("message").asText(""));
    }

    @Override
    public void setStatus(String status, String message) {
        unit.set("status", entry(status, message));
        array(unit, "status_history").add(entry(status, message));
    }

    @Override
    public void setAppStatus(String status, String message) {
        unit.set("app_status", entry(status, message));
    }

    private static ObjectNode entry(String status, String message) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("status", status);
        entry.put("message", message);
        return entry;
    }

    @Override
    public void setVersion(String version) {
        unit.put("app_version", version);
    }

    @Override
    public void log(String level, String message) {
        array(unit, "logs").add(level + " " + message);
    }

    @Override
    public Set<String> ports() {
        Set<String> out = new LinkedHashSet<>();
        unit.path("ports").forEach(p -> out.add(p.asText()));
        return out;
    }

    @Override
    public void openPort(String port) {
        if (!ports().contains(port)) {
            array(unit, "ports").add(port);
        }
    }

    @Override
    public void closePort(String port) {
        ArrayNode ports = array(unit, "ports");
        for (int i = ports.size() - 1; i >= 0; i--) {
            if (ports.get(i).asText().equals(port)) {
                ports.remove(i);
            }
        }
    }

    @Override
    public String address() {
        return unit.path("address").asText();
    }

    @Override
    public Map<String, Object> config() {
        return objects(unit.path("config"));
    }

    private static Map<String, Object> objects(JsonNode node) {
        return node.isObject() ? JSON.convertValue(node, OBJECT_MAP) : new LinkedHashMap<>();
    }

    private static Map<String, String> strings(JsonNode bag) {
        Map<String, String> out = new LinkedHashMap<>();
        bag.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Juju's rule for databags and state: an empty value deletes the key. */
    private static void merge(ObjectNode bag, Map<String, String> data) {
        data.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                bag.remove(k);
            } else {
                bag.put(k, v);
            }
        });
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        if (!(parent.get(field) instanceof ObjectNode)) {
            parent.set(field, JSON.createObjectNode());
        }
        return (ObjectNode) parent.get(field);
    }

    private static ArrayNode array(ObjectNode parent, String field) {
        if (!(parent.get(field) instanceof ArrayNode)) {
            parent.set(field, JSON.createArrayNode());
        }
        return (ArrayNode) parent.get(field);
    }
}
