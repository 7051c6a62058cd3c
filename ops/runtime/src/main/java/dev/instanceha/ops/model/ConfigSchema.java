package dev.instanceha.ops.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The options a charm declares in config.yaml: their types and defaults. */
public record ConfigSchema(Map<String, Option> options) {
    public enum Type { STRING, INT, FLOAT, BOOLEAN, SECRET }

    public record Option(String name, Type type, Object defaultValue, String description) {
    }

    public ConfigSchema {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static ConfigSchema empty() {
        return new ConfigSchema(Map.of());
    }

    /** Reads {@code config.yaml}; a missing file means a charm without options. */
    public static ConfigSchema load(Path configYaml) {
        if (!Files.exists(configYaml)) {
            return empty();
        }
        try (InputStream in = Files.newInputStream(configYaml)) {
            return parse(in, configYaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static ConfigSchema parse(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        Map<String, Option> options = new LinkedHashMap<>();
        if (root instanceof Map<?, ?> map && map.get("options") instanceof Map<?, ?> declared) {
            for (Map.Entry<?, ?> entry : declared.entrySet()) {
                String name = String.valueOf(entry.getKey());
                Map<String, Object> spec = entry.getValue() instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of();
                String typeName = String.valueOf(spec.getOrDefault("type", "string"));
                Type type;
                try {
                    type = Type.valueOf(typeName.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": option '" + name
                            + "' has type '" + typeName + "'; Juju accepts string, int, float, boolean, secret");
                }
                options.put(name, new Option(name, type, spec.get("default"),
                        String.valueOf(spec.getOrDefault("description", ""))));
            }
        }
        return new ConfigSchema(options);
    }
}
