package dev.instanceha.tests.model.juju;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the model needs from a charm: its name, whether it is a subordinate, its endpoints (with the
 * implicit {@code juju-info} every charm provides), option defaults and action names — read from the
 * packed {@code .charm} exactly as Juju reads them.
 */
public record CharmMeta(
        String name,
        boolean subordinate,
        Map<String, Endpoint> endpoints,
        Map<String, Object> configDefaults,
        Map<String, String> optionTypes,
        Set<String> actions) {

    /** Whether config.yaml declares the option (with or without a default). */
    public boolean hasOption(String key) {
        return optionTypes.containsKey(key);
    }

    public enum Role {
        PROVIDES,
        REQUIRES,
        PEERS
    }

    public record Endpoint(String name, Role role, String iface, boolean containerScope) {}

    public Endpoint endpoint(String endpoint) {
        Endpoint e = endpoints.get(endpoint);
        if (e == null) {
            throw new ModelException(
                    "charm " + name + " has no endpoint \"" + endpoint + "\" (it has " + endpoints.keySet() + ")");
        }
        return e;
    }

    public static CharmMeta read(Path charm) {
        try (ZipFile zip = new ZipFile(charm.toFile())) {
            Map<String, Object> metadata = yaml(zip, "metadata.yaml");
            if (metadata == null) {
                throw new ModelException(charm + " has no metadata.yaml: not a charm");
            }
            Map<String, Object> config = yaml(zip, "config.yaml");
            Map<String, Object> actions = yaml(zip, "actions.yaml");
            return of(metadata, config, actions);
        } catch (IOException e) {
            throw new ModelException("cannot read charm " + charm + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static CharmMeta of(Map<String, Object> metadata, Map<String, Object> config, Map<String, Object> actions) {
        String name = String.valueOf(metadata.get("name"));
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("juju-info", new Endpoint("juju-info", Role.PROVIDES, "juju-info", false));
        for (Role role : Role.values()) {
            Object section = metadata.get(role.name().toLowerCase());
            if (section instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    Map<String, Object> spec =
                            e.getValue() instanceof Map<?, ?> sm ? (Map<String, Object>) sm : Map.of();
                    endpoints.put(
                            String.valueOf(e.getKey()),
                            new Endpoint(
                                    String.valueOf(e.getKey()),
                                    role,
                                    String.valueOf(spec.get("interface")),
                                    "container".equals(spec.get("scope"))));
                }
            }
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        if (config != null && config.get("options") instanceof Map<?, ?> options) {
            for (Map.Entry<?, ?> e : options.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> spec) {
                    types.put(String.valueOf(e.getKey()), String.valueOf(spec.get("type")));
                    if (spec.get("default") != null) {
                        defaults.put(String.valueOf(e.getKey()), spec.get("default"));
                    }
                }
            }
        }
        Set<String> actionNames = actions == null ? Set.of() : Set.copyOf(actions.keySet());
        return new CharmMeta(
                name, Boolean.TRUE.equals(metadata.get("subordinate")), endpoints, defaults, types, actionNames);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(ZipFile zip, String entry) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
    }
}
