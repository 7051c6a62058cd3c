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

/**
 * Reads a charm's YAML files (metadata, config, actions, charmcraft) safely: plain data only.
 * The one class of the runtime that touches SnakeYAML, an optional dependency: the packer and
 * the kit call it; a packed charm's hook reads {@link DeclarationFiles}' JSON instead.
 */
public final class YamlFiles {
    private YamlFiles() {}

    /** The top-level map of a YAML file; empty when the file is absent or not a map. */
    public static Map<String, Object> readMap(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readMap(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level map of YAML text; empty when it is not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(InputStream in) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        return root instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
