package dev.instanceha.ops.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A charm's own declarations (config.yaml, actions.yaml) as plain data. The packer writes each
 * one as JSON under {@code .ops/} in the .charm, and a hook reads that with Jackson, which it has
 * loaded anyway for the hook tools: SnakeYAML stays off the hook path and out of the charm. Only
 * an unpacked charm directory (the tests' {@code src/main/charm}) has no JSON; then the YAML is
 * read, which needs SnakeYAML on the class path (the kit and the packer have it, charms do not).
 */
public final class DeclarationFiles {
    /** The packer's own directory inside a .charm. */
    public static final String PACKED_DIR = ".ops";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclarationFiles() {}

    /** Where the packer writes the JSON form of {@code yamlName}: {@code config.yaml} → {@code .ops/config.json}. */
    public static String packedName(String yamlName) {
        String base = yamlName.endsWith(".yaml") ? yamlName.substring(0, yamlName.length() - 5) : yamlName;
        return PACKED_DIR + "/" + base + ".json";
    }

    /** The JSON the packer wrote for {@code yamlFile}, beside it in the charm directory. */
    public static Path packedFile(Path yamlFile) {
        return yamlFile.resolveSibling(packedName(yamlFile.getFileName().toString()));
    }

    /** The top-level map of {@code yamlFile}, from its packed JSON when there is one; empty when neither exists. */
    public static Map<String, Object> readMap(Path yamlFile) {
        Path packed = packedFile(yamlFile);
        if (Files.exists(packed)) {
            return readJson(packed);
        }
        if (!Files.exists(yamlFile)) {
            return Map.of(); // checked here so a charm without the file never loads the YAML reader
        }
        try {
            return YamlFiles.readMap(yamlFile);
        } catch (NoClassDefFoundError noSnakeYaml) {
            throw new IllegalStateException(yamlFile + " has no packed form "
                    + packedName(yamlFile.getFileName().toString())
                    + " and SnakeYAML is not on the class path: pack the charm with ops-pack");
        }
    }

    /** A JSON object as the packer wrote it; anything else is an empty map, as for YAML. */
    public static Map<String, Object> readJson(Path file) {
        try {
            Object root = JSON.readValue(file.toFile(), Object.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = root instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
