package dev.instanceha.interfaces.hacluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.ops.model.Endpoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * hacluster's side of interface {@code hacluster} (endpoint {@code ha}): reads the principal's
 * pacemaker objects the way charm-hacluster's parse_data does ({@code json_<field>} first, then the
 * legacy bare key as a Python literal), and answers {@code clustered}.
 */
public final class HaClusterProvider {
    public static final String ENDPOINT = "ha";

    private final Endpoint endpoint;

    public HaClusterProvider(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public boolean isRelated() {
        return endpoint.isRelated();
    }

    /** This unit's answer on every ha relation: {@code clustered=yes} once the principal's objects are configured. */
    public void publish(boolean clustered) {
        // An empty value makes Juju drop the key: "not clustered" is the absence of the key upstream.
        endpoint.publish(Map.of(HaClusterKeys.CLUSTERED, clustered ? "yes" : ""));
    }

    /**
     * The principal's request. In container scope each relation has exactly the one principal unit of
     * this machine; the first relation with a complete request wins.
     */
    public Completeness<HaRequest> read() {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        return UnitSelection.firstComplete(ENDPOINT, RemoteUnit.all(endpoint.relations()), HaClusterProvider::parse);
    }

    /**
     * Whether the request is unusable because a key holds something that is not what the interface
     * allows (bad JSON, wrong type, bad id): the principal must be fixed (blocked), unlike a key not
     * sent yet (waiting). False once some unit's request is complete.
     */
    public boolean malformed() {
        boolean any = false;
        for (RemoteUnit unit : RemoteUnit.all(endpoint.relations())) {
            FieldReader r = unit.reader();
            if (parse(unit, r).isComplete()) {
                return false;
            }
            any |= r.problems().stream().anyMatch(p -> !p.startsWith("missing '"));
        }
        return any;
    }

    static Completeness<HaRequest> parse(RemoteUnit unit) {
        return parse(unit, unit.reader());
    }

    private static Completeness<HaRequest> parse(RemoteUnit unit, FieldReader r) {
        Map<String, Map<String, String>> maps = new TreeMap<>();
        Map<String, List<String>> lists = new TreeMap<>();
        boolean any = false;
        for (String field : HaClusterKeys.MAP_FIELDS) {
            Optional<Keyed> node = node(r, field);
            any |= node.isPresent();
            maps.put(field, node.map(n -> textMap(r, n)).orElse(Map.of()));
        }
        Map<String, String> initByResource = new TreeMap<>();
        for (String field : HaClusterKeys.LIST_FIELDS) {
            Optional<Keyed> node = node(r, field);
            any |= node.isPresent();
            if (field.equals("init_services")
                    && node.isPresent()
                    && node.get().node().isObject()) {
                // Classic charms send {resource: service}; the reactive layer sends [service].
                initByResource.putAll(textMap(r, node.get()));
                lists.put(field, List.copyOf(new TreeSet<>(initByResource.values())));
            } else {
                lists.put(field, node.map(n -> textList(r, n)).orElse(List.of()));
            }
        }
        if (!any && r.ok()) {
            r.problem("missing '" + HaClusterKeys.json("resources") + "'");
        }
        Optional<String> iface = r.text(HaClusterKeys.BIND_IFACE);
        if (iface.isPresent() && !iface.get().matches("[A-Za-z0-9_.:@-]{1,64}")) {
            r.problem("'" + HaClusterKeys.BIND_IFACE + "' is not an interface name");
        }
        Optional<Integer> port = r.port(HaClusterKeys.MCAST_PORT);
        return r.result(() -> new HaRequest(
                unit.unit(),
                new HaResources(
                        maps.get("resources"),
                        maps.get("resource_params"),
                        maps.get("groups"),
                        maps.get("ms"),
                        maps.get("orders"),
                        maps.get("colocations"),
                        maps.get("clones"),
                        maps.get("locations"),
                        lists.get("init_services"),
                        lists.get("systemd_services"),
                        lists.get("delete_resources")),
                initByResource,
                iface,
                port));
    }

    /** A parsed value with the key it came from, so problems name the key actually sent. */
    private record Keyed(String key, JsonNode node) {}

    private static Optional<Keyed> node(FieldReader r, String field) {
        String jsonKey = HaClusterKeys.json(field);
        if (r.has(jsonKey)) {
            return r.json(jsonKey).map(n -> new Keyed(jsonKey, n));
        }
        return r.lenientJson(field).map(n -> new Keyed(field, n));
    }

    private static Map<String, String> textMap(FieldReader r, Keyed k) {
        Map<String, String> out = new TreeMap<>();
        if (!k.node().isObject()) {
            r.problem("'" + k.key() + "' is not a JSON object");
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = k.node().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!HaResources.isValidId(e.getKey())) {
                r.problem("'" + k.key() + "' has an invalid pacemaker id");
            } else if (!e.getValue().isTextual() || !safeValue(e.getValue().asText())) {
                r.problem("'" + k.key() + "' value for " + e.getKey() + " is not a single-line string");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    private static List<String> textList(FieldReader r, Keyed k) {
        List<String> out = new ArrayList<>();
        if (!k.node().isArray()) {
            r.problem("'" + k.key() + "' is not a JSON list");
            return out;
        }
        for (JsonNode item : k.node()) {
            if (!item.isTextual() || !HaResources.isValidId(item.asText())) {
                r.problem("'" + k.key() + "' has an item that is not a name");
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }

    /** Values end up on crm command lines: one line, bounded. */
    private static boolean safeValue(String v) {
        return v.length() <= FieldReader.MAX_TEXT && v.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
