package dev.instanceha.tests.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads one charm's corpus file (see hostile/README.md for the format): a base state written once,
 * and cases that each change a little of it. Value helpers keep the file short and readable:
 * {@code {repeat: a, times: 100000}}, {@code {base64: text}}, {@code {json: value}}; a case with
 * {@code each: [..]} becomes one case per value, substituted for every {@code $v}.
 */
public final class CorpusLoader {
    /** Option and relation keys whose values are secrets the charm must never show. */
    static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|passwd|secret|token|credentials|authkey|[-_]key)$");

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
    private static final String PLACEHOLDER = "$v";

    private final Path repoRoot;

    public CorpusLoader(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    /** The corpus files shipped with the tests, in a fixed order. */
    public static final List<String> FILES =
            List.of("masakari.yaml", "masakari-monitors.yaml", "pacemaker-remote.yaml", "hacluster.yaml");

    public List<HostileCase> loadAll() {
        List<HostileCase> out = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = CorpusLoader.class.getResourceAsStream("/hostile/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("corpus file hostile/" + file + " is not on the test classpath");
                }
                out.addAll(load(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<HostileCase> load(String fileName, String text) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, Object> machine = map(doc.get("machine"));
        CharmProfile charm = new CharmProfile(
                (String) doc.get("charm"),
                repoRoot.resolve((String) doc.get("charm-file")),
                (String) machine.get("hostname"),
                (String) machine.get("fqdn"),
                strings(map(machine.get("installed"))),
                strings(map(machine.get("files"))));
        Map<String, Object> base = map(doc.get("base"));
        String defaultHook = (String) doc.getOrDefault("default-hook", "config-changed");
        Set<String> notSecret = new LinkedHashSet<>((List<String>) doc.getOrDefault("not-secret-keys", List.of()));
        List<HostileCase> cases = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Object raw : (List<Object>) doc.get("cases")) {
            Map<String, Object> spec = map(raw);
            String id = (String) spec.get("id");
            List<Object> values = (List<Object>) spec.get("each");
            List<Map<String, Object>> variants = new ArrayList<>();
            if (values == null) {
                variants.add(spec);
            } else {
                for (Object value : values) {
                    variants.add((Map<String, Object>) substitute(spec, value));
                }
            }
            for (int i = 0; i < variants.size(); i++) {
                String caseId = values == null ? id : id + "#" + (i + 1);
                if (!ids.add(caseId)) {
                    throw new IllegalArgumentException(fileName + ": case id '" + caseId + "' used twice");
                }
                try {
                    cases.add(build(charm, doc, base, defaultHook, notSecret, caseId, variants.get(i)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(fileName + ": case '" + caseId + "': " + e.getMessage(), e);
                }
            }
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private HostileCase build(
            CharmProfile charm,
            Map<String, Object> doc,
            Map<String, Object> base,
            String defaultHook,
            Set<String> notSecret,
            String id,
            Map<String, Object> spec) {
        String input = describe(spec);
        Map<String, Object> config = new LinkedHashMap<>(map(expand(base.get("config"))));
        mergeNullDeletes(config, map(expand(spec.get("config"))));
        Map<String, Map<String, Object>> relations = new LinkedHashMap<>();
        map(expand(base.get("relations"))).forEach((ref, r) -> relations.put(ref, deepCopy(map(r))));
        for (String ref : (List<String>) spec.getOrDefault("remove-relations", List.of())) {
            if (relations.remove(ref) == null) {
                throw new IllegalArgumentException("remove-relations: no relation " + ref + " in the base state");
            }
        }
        map(expand(spec.get("relations"))).forEach((ref, delta) -> mergeRelation(relations, ref, map(delta)));
        Map<String, Object> unitState = new LinkedHashMap<>(map(base.get("state")));
        mergeNullDeletes(unitState, map(expand(spec.get("state"))));
        boolean leader = (Boolean) spec.getOrDefault("leader", doc.getOrDefault("leader", false));

        State state = State.of((String) doc.get("unit"))
                .withLeader(leader)
                .withAddress((String) doc.getOrDefault("address", "10.5.0.10"))
                .withConfig(config)
                .withUnitState(strings(unitState));
        for (Map.Entry<String, Map<String, Object>> r : relations.entrySet()) {
            state = state.withRelation(relation(r.getKey(), r.getValue()));
        }
        Map<String, Object> params = map(expand(spec.get("params")));
        Event event = event((String) spec.getOrDefault("hook", defaultHook), state, params);
        Expectation expectation = Expectation.parse((String) spec.get("expect"));

        Set<String> secrets = new LinkedHashSet<>((List<String>) doc.getOrDefault("secrets", List.of()));
        secrets.addAll((List<String>) spec.getOrDefault("secrets", List.of()));
        config.forEach((k, v) -> addSecret(secrets, notSecret, k, v));
        for (Map<String, Object> r : relations.values()) {
            map(r.get("app-data")).forEach((k, v) -> addSecret(secrets, notSecret, k, v));
            map(r.get("units")).values().forEach(u -> map(u).forEach((k, v) -> addSecret(secrets, notSecret, k, v)));
        }
        params.forEach((k, v) -> addSecret(secrets, notSecret, k, v));
        return new HostileCase(charm, id, input, state, event, expectation, List.copyOf(secrets));
    }

    private static void addSecret(Set<String> secrets, Set<String> notSecret, String key, Object value) {
        if (value instanceof String s
                && s.strip().length() >= 6
                && !notSecret.contains(key)
                && SECRET_KEY.matcher(key).matches()
                && !s.equals("__null__")) {
            secrets.add(s);
        }
    }

    private static void mergeRelation(
            Map<String, Map<String, Object>> relations, String ref, Map<String, Object> delta) {
        Map<String, Object> target = relations.computeIfAbsent(ref, k -> new LinkedHashMap<>());
        for (Map.Entry<String, Object> e : delta.entrySet()) {
            switch (e.getKey()) {
                case "app" -> target.put("app", e.getValue());
                case "app-data", "local-unit", "local-app" -> {
                    Map<String, Object> bag = new LinkedHashMap<>(map(target.get(e.getKey())));
                    mergeNullDeletes(bag, map(e.getValue()));
                    target.put(e.getKey(), bag);
                }
                case "units" -> {
                    Map<String, Object> units = new LinkedHashMap<>(map(target.get("units")));
                    map(e.getValue()).forEach((unit, data) -> {
                        if (data == null) {
                            units.remove(unit);
                        } else {
                            Map<String, Object> bag = new LinkedHashMap<>(map(units.get(unit)));
                            mergeNullDeletes(bag, map(data));
                            units.put(unit, bag);
                        }
                    });
                    target.put("units", units);
                }
                default ->
                    throw new IllegalArgumentException("relation " + ref + ": unknown field '" + e.getKey()
                            + "' (app, app-data, units, local-unit, local-app)");
            }
        }
    }

    private static RelationState relation(String ref, Map<String, Object> r) {
        String[] parts = ref.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("relation ref '" + ref + "' must be endpoint:id");
        }
        String app = (String) r.get("app");
        if (app == null) {
            throw new IllegalArgumentException("relation " + ref + " has no app");
        }
        RelationState relation = RelationState.of(parts[0], Integer.parseInt(parts[1]), app)
                .withRemoteAppData(strings(map(r.get("app-data"))))
                .withLocalUnitData(strings(map(r.get("local-unit"))))
                .withLocalAppData(strings(map(r.get("local-app"))));
        for (Map.Entry<String, Object> u : map(r.get("units")).entrySet()) {
            relation = relation.withRemoteUnit(u.getKey(), strings(map(u.getValue())));
        }
        return relation;
    }

    /** {@code config-changed}, {@code relation-changed REF [UNIT]}, {@code relation-departed REF UNIT}, {@code action NAME}. */
    static Event event(String hook, State state, Map<String, Object> params) {
        String[] w = hook.strip().split("\\s+");
        if (w[0].equals("action")) {
            return Event.action(w[1], params);
        }
        if (!w[0].startsWith("relation-")) {
            return Event.hook(w[0]);
        }
        RelationState r = state.relation(Integer.parseInt(w[1].substring(w[1].indexOf(':') + 1)))
                .orElseThrow(() -> new IllegalArgumentException(hook + ": relation not in the state"));
        String unit = w.length > 2 ? w[2] : null;
        return switch (w[0]) {
            case "relation-created" -> Event.relationCreated(r);
            case "relation-joined" -> Event.relationJoined(r, unit);
            case "relation-changed" -> Event.relationChanged(r, unit);
            case "relation-departed" -> Event.relationDeparted(r, unit);
            case "relation-broken" -> Event.relationBroken(r);
            default -> throw new IllegalArgumentException("unknown hook " + hook);
        };
    }

    /** Replaces every scalar {@code $v} in a case by the value. */
    @SuppressWarnings("unchecked")
    private static Object substitute(Object node, Object value) {
        if (PLACEHOLDER.equals(node)) {
            return value;
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, k.equals("each") ? v : substitute(v, value)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(v -> substitute(v, value)).toList();
        }
        return node;
    }

    /** Applies the value helpers. */
    @SuppressWarnings("unchecked")
    static Object expand(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> in = (Map<String, Object>) m;
            if (in.size() == 2 && in.containsKey("repeat") && in.containsKey("times")) {
                return String.valueOf(in.get("repeat")).repeat(((Number) in.get("times")).intValue());
            }
            if (in.size() == 1 && in.containsKey("base64")) {
                return Base64.getEncoder()
                        .encodeToString(String.valueOf(expand(in.get("base64"))).getBytes(StandardCharsets.UTF_8));
            }
            if (in.size() == 1 && in.containsKey("json")) {
                try {
                    return JSON.writeValueAsString(expand(in.get("json")));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            in.forEach((k, v) -> out.put(k, expand(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(CorpusLoader::expand).toList();
        }
        return node;
    }

    /** The case's delta on one line, long values shortened. */
    @SuppressWarnings("unchecked")
    static String describe(Map<String, Object> spec) {
        Map<String, Object> delta = new LinkedHashMap<>();
        for (String k : List.of("config", "relations", "remove-relations", "state", "params", "leader")) {
            if (spec.containsKey(k)) {
                delta.put(k, shorten(spec.get(k)));
            }
        }
        try {
            String text = JSON.writeValueAsString(delta);
            return text.length() > 240 ? text.substring(0, 237) + "..." : text;
        } catch (JsonProcessingException e) {
            return delta.toString();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object shorten(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> in = (Map<String, Object>) m;
            if (in.size() == 2 && in.containsKey("repeat")) {
                return "<" + in.get("times") + " x '" + in.get("repeat") + "'>";
            }
            Map<String, Object> out = new LinkedHashMap<>();
            in.forEach((k, v) -> out.put(k, shorten(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(CorpusLoader::shorten).toList();
        }
        if (node instanceof String s && s.length() > 80) {
            return s.substring(0, 60) + "...<" + s.length() + " chars>";
        }
        return node;
    }

    private static void mergeNullDeletes(Map<String, Object> target, Map<String, Object> delta) {
        delta.forEach((k, v) -> {
            if (v == null) {
                target.remove(k);
            } else {
                target.put(k, v);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, got " + node);
        }
        return (Map<String, Object>) node;
    }

    /** Juju's databags and unit state hold strings only. */
    static Map<String, String> strings(Map<String, Object> in) {
        Map<String, String> out = new TreeMap<>();
        in.forEach((k, v) -> {
            if (v != null) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }
}
