package dev.instanceha.tests.model.juju;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Juju bundle: applications (charm, num_units, options, to), relations, with overlays merged as
 * {@code juju deploy BUNDLE --overlay O} merges them (an overlay application's keys replace the
 * bundle's, its options merge; a null application removes it). Charm paths are relative to the
 * bundle file, as Juju resolves local charms.
 */
public record Bundle(Path source, Map<String, App> applications, List<Relation> relations) {

    public record App(String name, String charm, int numUnits, Map<String, Object> options, List<String> to) {
        /** A charm given as a path (local charm), else a Charmhub name the model serves with a stand-in. */
        public boolean isLocal() {
            return charm.startsWith("./")
                    || charm.startsWith("../")
                    || charm.startsWith("/")
                    || charm.endsWith(".charm");
        }
    }

    /** One side of a relation line: {@code app} or {@code app:endpoint}. */
    public record End(String app, String endpoint) {
        static End parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new End(text, null) : new End(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return endpoint == null ? app : app + ":" + endpoint;
        }
    }

    public record Relation(End a, End b) {}

    public static Bundle read(Path file, List<Path> overlays) {
        Map<String, Object> doc = load(file);
        for (Path overlay : overlays) {
            merge(doc, load(overlay));
        }
        Object apps = doc.containsKey("applications") ? doc.get("applications") : doc.get("services");
        if (!(apps instanceof Map<?, ?> appMap) || appMap.isEmpty()) {
            throw new ModelException(file + ": a bundle needs an 'applications' map");
        }
        Map<String, App> applications = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : appMap.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> spec)) {
                continue; // removed by an overlay
            }
            Object charm = spec.get("charm");
            if (charm == null) {
                throw new ModelException(file + ": application " + name + " has no 'charm'");
            }
            String charmText = String.valueOf(charm);
            if (charmText.startsWith("./") || charmText.startsWith("../")) {
                charmText = file.toAbsolutePath()
                        .getParent()
                        .resolve(charmText)
                        .normalize()
                        .toString();
            }
            Object units = spec.containsKey("num_units") ? spec.get("num_units") : spec.get("scale");
            int numUnits = units == null ? 0 : Integer.parseInt(String.valueOf(units));
            Map<String, Object> options = new LinkedHashMap<>();
            if (spec.get("options") instanceof Map<?, ?> opts) {
                opts.forEach((k, v) -> options.put(String.valueOf(k), v));
            }
            List<String> to = new ArrayList<>();
            if (spec.get("to") instanceof List<?> list) {
                list.forEach(t -> to.add(String.valueOf(t)));
            } else if (spec.get("to") != null) {
                to.add(String.valueOf(spec.get("to")));
            }
            applications.put(name, new App(name, charmText, numUnits, options, to));
        }
        List<Relation> relations = new ArrayList<>();
        if (doc.get("relations") instanceof List<?> rels) {
            for (Object r : rels) {
                if (!(r instanceof List<?> pair) || pair.size() != 2) {
                    throw new ModelException(file + ": a relation is a list of two endpoints, got " + r);
                }
                relations.add(
                        new Relation(End.parse(String.valueOf(pair.get(0))), End.parse(String.valueOf(pair.get(1)))));
            }
        }
        return new Bundle(file, applications, relations);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            if (!(doc instanceof Map<?, ?>)) {
                throw new ModelException(file + " is not a YAML map");
            }
            return new LinkedHashMap<>((Map<String, Object>) doc);
        } catch (IOException e) {
            throw new ModelException("cannot read bundle " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> apps =
                (Map<String, Object>) base.computeIfAbsent("applications", k -> new LinkedHashMap<>());
        if (overlay.get("applications") instanceof Map<?, ?> overApps) {
            for (Map.Entry<?, ?> e : overApps.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (e.getValue() == null) {
                    apps.remove(name);
                    continue;
                }
                Map<String, Object> merged =
                        new LinkedHashMap<>(apps.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
                Map<String, Object> over = (Map<String, Object>) e.getValue();
                for (Map.Entry<String, Object> kv : over.entrySet()) {
                    if ("options".equals(kv.getKey())
                            && merged.get("options") instanceof Map<?, ?> baseOpts
                            && kv.getValue() instanceof Map<?, ?> overOpts) {
                        Map<String, Object> opts = new LinkedHashMap<>((Map<String, Object>) baseOpts);
                        opts.putAll((Map<String, Object>) overOpts);
                        merged.put("options", opts);
                    } else {
                        merged.put(kv.getKey(), kv.getValue());
                    }
                }
                apps.put(name, merged);
            }
        }
        if (overlay.get("relations") instanceof List<?> rels) {
            List<Object> all = new ArrayList<>(base.get("relations") instanceof List<?> l ? l : List.of());
            all.addAll(rels);
            base.put("relations", all);
        }
    }
}
