package dev.instanceha.ops.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a charm's YAML files (metadata, config, actions, charmcraft) safely: plain data only. */
public final class YamlFiles {
    private YamlFiles() {
    }

    /** The top-level map of a YAML file; empty when the file is absent or not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return root instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
