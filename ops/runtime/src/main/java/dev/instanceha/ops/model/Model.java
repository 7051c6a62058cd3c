package dev.instanceha.ops.model;

import dev.instanceha.ops.context.EventKind;
import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.hooktools.HookToolException;
import dev.instanceha.ops.hooktools.HookTools;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The world as this unit sees it during one hook: config, relations, leadership, address and
 * unit state. Everything is read lazily (each read is a hook-tool process) and at most once.
 * Writes to relation databags and unit state are buffered and flushed together at the end of a
 * successful hook, mirroring Juju's own commit-on-success.
 */
public final class Model {
    private final JujuContext context;
    private final HookTools tools;
    private final ConfigSchema schema;
    private CharmConfig config;
    private Boolean leader;
    private UnitState state;
    private final Map<String, List<RelationView>> relations = new HashMap<>();
    private final Map<String, Map<String, String>> unitWrites = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> appWrites = new LinkedHashMap<>();
    private final Map<String, RelationView> written = new HashMap<>();
    private final Map<String, String> addresses = new HashMap<>();
    private final Consumer<String> secretSink;

    /** @param secretSink where secrets read from relations are registered (the log's redactor) */
    public Model(JujuContext context, HookTools tools, ConfigSchema schema, Consumer<String> secretSink) {
        this.context = context;
        this.tools = tools;
        this.schema = schema;
        this.secretSink = secretSink;
    }

    public JujuContext context() {
        return context;
    }

    public String unitName() {
        return context.unitName();
    }

    public String appName() {
        return context.appName();
    }

    public CharmConfig config() {
        if (config == null) {
            config = new CharmConfig(schema, tools.configGet(), secretSink);
        }
        return config;
    }

    /** Leadership, asked once per hook (Juju guarantees the lease outlives a hook's start). */
    public boolean isLeader() {
        if (leader == null) {
            leader = tools.isLeader();
        }
        return leader;
    }

    public UnitState state() {
        if (state == null) {
            state = new UnitState(tools.stateGet());
        }
        return state;
    }

    /**
     * The established relations on an endpoint. A relation in its {@code -broken} hook and a unit
     * in its {@code -departed} hook are already gone here, so a reconcile sees the future state.
     */
    List<RelationView> relations(String endpoint) {
        return relations.computeIfAbsent(endpoint, this::loadRelations);
    }

    /** The first relation on an endpoint, for endpoints with {@code limit: 1} or peers. */
    Optional<RelationView> relation(String endpoint) {
        return relations(endpoint).stream().findFirst();
    }

    /** The endpoint {@code name} bound to this model: publish and read through it. */
    public Endpoint endpoint(String name) {
        return new BoundEndpoint(name);
    }

    /**
     * The address peers should use for this unit on a binding (endpoint or extra-binding); asked
     * once per binding and hook (each ask is a network-get round trip to the unit agent).
     */
    public String unitAddress(String binding) {
        return addresses.computeIfAbsent(binding, this::lookUpAddress);
    }

    private String lookUpAddress(String binding) {
        try {
            Optional<String> ingress = tools.networkGet(binding).ingressAddress();
            if (ingress.isPresent()) {
                return ingress.get();
            }
        } catch (HookToolException unknownBinding) {
            // Old Juju or no such binding: fall back to the unit's private address.
        }
        return tools.unitGet("private-address");
    }

    /** Merges {@code data} into this unit's databag at the end of the hook; "" deletes a key. */
    void publishUnit(RelationView relation, Map<String, String> data) {
        unitWrites
                .computeIfAbsent(relation.relationRef(), key -> new LinkedHashMap<>())
                .putAll(data);
        written.put(relation.relationRef(), relation);
    }

    /**
     * Merges {@code data} into this application's databag. Only the leader may: Juju refuses
     * the write otherwise, and the hook would fail at its end instead of here.
     */
    void publishApp(RelationView relation, Map<String, String> data) {
        if (!isLeader()) {
            throw new IllegalStateException("only the leader may write application data on " + relation.relationRef());
        }
        appWrites
                .computeIfAbsent(relation.relationRef(), key -> new LinkedHashMap<>())
                .putAll(data);
        written.put(relation.relationRef(), relation);
    }

    /**
     * Writes what changed: only keys whose value differs from what the databag already holds,
     * so a second run of the same hook writes nothing.
     */
    public void flush() {
        unitWrites.forEach((ref, data) -> {
            Map<String, String> delta = delta(written.get(ref).localUnitData(), data);
            if (!delta.isEmpty()) {
                tools.relationSet(ref, delta);
            }
        });
        appWrites.forEach((ref, data) -> {
            Map<String, String> delta = delta(written.get(ref).localAppData(), data);
            if (!delta.isEmpty()) {
                tools.relationSetApp(ref, delta);
            }
        });
        if (state != null) {
            Map<String, String> changed = state.changed();
            if (!changed.isEmpty()) {
                tools.stateSet(changed);
            }
            state.removed().forEach(tools::stateDelete);
        }
    }

    static Map<String, String> delta(Map<String, String> current, Map<String, String> wanted) {
        Map<String, String> delta = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            String now = current.get(key);
            boolean deleting = value == null || value.isEmpty();
            if (deleting ? now != null : !value.equals(now)) {
                delta.put(key, deleting ? "" : value);
            }
        });
        return delta;
    }

    private List<RelationView> loadRelations(String endpoint) {
        List<RelationView> out = new ArrayList<>();
        for (String ref : tools.relationIds(endpoint)) {
            int id = Integer.parseInt(ref.substring(ref.lastIndexOf(':') + 1));
            boolean brokenNow = context.kind() == EventKind.RELATION_BROKEN
                    && context.relationId().orElse(-1) == id;
            if (!brokenNow) {
                out.add(loadRelation(endpoint, id));
            }
        }
        return List.copyOf(out);
    }

    private RelationView loadRelation(String endpoint, int id) {
        String ref = endpoint + ":" + id;
        boolean thisRelation = context.relationId().orElse(-1) == id;
        String departing = thisRelation ? context.departingUnit().orElse("") : "";
        Supplier<String> remoteApp = () -> tools.relationRemoteApp(ref)
                .or(() -> thisRelation ? context.remoteApp() : Optional.empty())
                .orElse("");
        LazyRelation[] self = new LazyRelation[1];
        self[0] = new LazyRelation(
                endpoint,
                id,
                remoteApp,
                () -> self[0].remoteApp().isEmpty()
                        ? Map.of()
                        : Map.copyOf(tools.relationGetApp(ref, self[0].remoteApp())),
                () -> {
                    SortedMap<String, Map<String, String>> units = new TreeMap<>(RelationSnapshot.UNIT_ORDER);
                    for (String unit : tools.relationList(ref)) {
                        if (!unit.equals(departing)) {
                            units.put(unit, Map.copyOf(tools.relationGet(ref, unit)));
                        }
                    }
                    return java.util.Collections.unmodifiableSortedMap(units);
                },
                () -> Map.copyOf(tools.relationGet(ref, context.unitName())),
                // Juju serves a non-leader's own app bag only on peer relations; asking elsewhere fails.
                () -> self[0].remoteApp().equals(context.appName()) || isLeader()
                        ? Map.copyOf(tools.relationGetApp(ref, context.appName()))
                        : Map.of());
        return self[0];
    }

    /** An endpoint of this model; everything it reads or writes goes through the model's buffers. */
    private final class BoundEndpoint implements Endpoint {
        private final String name;

        BoundEndpoint(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<RelationView> relations() {
            return Model.this.relations(name);
        }

        @Override
        public String localUnit() {
            return unitName();
        }

        @Override
        public String address() {
            return unitAddress(name);
        }

        @Override
        public void publish(Map<String, String> data) {
            relations().forEach(relation -> publishUnit(relation, data));
        }

        @Override
        public void publishApp(Map<String, String> data) {
            relations().forEach(relation -> Model.this.publishApp(relation, data));
        }

        @Override
        public Secret secret(String value) {
            secretSink.accept(value);
            return Secret.of(value);
        }
    }
}
