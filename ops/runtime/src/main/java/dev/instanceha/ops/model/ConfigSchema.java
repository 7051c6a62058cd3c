package dev.instanceha.ops.model;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options a charm declares in config.yaml: their types and defaults. */
public record ConfigSchema(Map<String, Option> options) {
    public enum Type {
        STRING,
        INT,
        FLOAT,
        BOOLEAN,
        SECRET
    }

    public record Option(String name, Type type, Object defaultValue, String description) {}

    public ConfigSchema {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static ConfigSchema empty() {
        return new ConfigSchema(Map.of());
    }

    /**
     * Reads {@code config.yaml}, or the JSON the packer wrote for it (see {@link DeclarationFiles});
     * a missing file means a charm without options.
     */
    public static ConfigSchema load(Path configYaml) {
        return of(DeclarationFiles.readMap(configYaml), configYaml.toString());
    }

    /** From config.yaml's text. */
    public static ConfigSchema parse(InputStream in, String source) {
        return of(YamlFiles.readMap(in), source);
    }

    /** From config.yaml's top-level map; an option of a type Juju does not know is refused, naming it. */
    @SuppressWarnings("unchecked")
    public static ConfigSchema of(Map<String, Object> root, String source) {
        Map<String, Option> options = new LinkedHashMap<>();
        if (root.get("options") instanceof Map<?, ?> declared) {
            for (Map.Entry<?, ?> entry : declared.entrySet()) {
                String name = String.valueOf(entry.getKey());
                Map<String, Object> spec = entry.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                String typeName = String.valueOf(spec.getOrDefault("type", "string"));
                Type type;
                try {
                    type = Type.valueOf(typeName.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": option '" + name + "' has type '" + typeName
                            + "'; Juju accepts string, int, float, boolean, secret");
                }
                options.put(
                        name,
                        new Option(
                                name, type, spec.get("default"), String.valueOf(spec.getOrDefault("description", ""))));
            }
        }
        return new ConfigSchema(options);
    }
}
