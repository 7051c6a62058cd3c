package dev.instanceha.hacluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.interfaces.Json;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.ops.model.RelationSnapshot;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The last registration the leader accepted for each remote unit, kept in the hanode application
 * databag under {@code remote-nodes}. Only the leader can write there, so a remote unit cannot forge
 * it; it survives a leader change; and it says which unit a CIB node belongs to, which the CIB
 * itself cannot (a connection resource carries a name and an address, not a unit).
 */
record RemoteRecords(SortedMap<String, RemoteNode> byUnit, boolean malformed) {
    static final String KEY = "remote-nodes";

    RemoteRecords {
        SortedMap<String, RemoteNode> sorted = new TreeMap<>(RelationSnapshot.UNIT_ORDER);
        sorted.putAll(byUnit);
        byUnit = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    static RemoteRecords of(Map<String, RemoteNode> byUnit) {
        return new RemoteRecords(new TreeMap<>(byUnit), false);
    }

    /** Garbage (which only a leader bug or a hand edit can put there) reads as "no records", flagged. */
    static RemoteRecords read(Map<String, String> appData) {
        String raw = appData.get(KEY);
        if (raw == null || raw.isBlank()) {
            return of(Map.of());
        }
        Optional<JsonNode> json = Json.STRICT.parse(raw);
        if (json.isEmpty() || !json.get().isObject()) {
            return new RemoteRecords(new TreeMap<>(), true);
        }
        Map<String, RemoteNode> out = new LinkedHashMap<>();
        boolean bad = false;
        Iterator<Map.Entry<String, JsonNode>> units = json.get().fields();
        while (units.hasNext()) {
            Map.Entry<String, JsonNode> e = units.next();
            Optional<RemoteNode> node = node(e.getValue());
            node.ifPresent(n -> out.put(e.getKey(), n));
            bad |= node.isEmpty();
        }
        return new RemoteRecords(new TreeMap<>(out), bad);
    }

    private static Optional<RemoteNode> node(JsonNode n) {
        if (!n.isObject()
                || !n.path("hostname").isTextual()
                || !n.path("ip").isTextual()
                || !n.path("enable-resources").isBoolean()) {
            return Optional.empty();
        }
        JsonNode stonith = n.path("stonith-hostname");
        try {
            return Optional.of(new RemoteNode(
                    n.get("hostname").asText(),
                    n.get("ip").asText(),
                    stonith.isTextual() ? Optional.of(stonith.asText()) : Optional.empty(),
                    n.get("enable-resources").asBoolean()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For the app databag: sorted JSON, so an unchanged registry writes an unchanged value. */
    Map<String, String> appData() {
        Map<String, Object> units = new TreeMap<>();
        byUnit.forEach((unit, node) -> {
            Map<String, Object> m = new TreeMap<>();
            m.put("hostname", node.hostname());
            m.put("ip", node.ip());
            m.put("stonith-hostname", node.stonithHostname().orElse(null));
            m.put("enable-resources", node.enableResources());
            units.put(unit, m);
        });
        // An empty value removes the key: no remote, no record.
        return Map.of(KEY, units.isEmpty() ? "" : Json.encode(units));
    }
}
