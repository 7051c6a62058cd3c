package dev.instanceha.ops.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.ops.model.ConfigSchema;
import dev.instanceha.ops.model.DeclarationFiles;
import dev.instanceha.ops.model.YamlFiles;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * config.yaml and actions.yaml as the JSON a hook reads ({@link DeclarationFiles}), so SnakeYAML
 * is needed at build time only. Keys keep the YAML's order, so the same YAML gives the same bytes.
 * The build fails when the YAML holds something JSON would not carry unchanged (a date, a set,
 * binary, NaN), naming where.
 */
final class PackedDeclarations {
    /** The files a hook reads, by their name in the charm directory. */
    static final List<String> FILES = List.of("config.yaml", "actions.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackedDeclarations() {}

    /** Each of {@link #FILES} that {@code source} has, as entry name → JSON bytes. */
    static Map<String, byte[]> of(Path source) {
        Map<String, byte[]> packed = new LinkedHashMap<>();
        for (String name : FILES) {
            Path yaml = source.resolve(name);
            if (!Files.exists(yaml)) {
                continue;
            }
            Map<String, Object> data = YamlFiles.readMap(yaml);
            if (name.equals("config.yaml")) {
                ConfigSchema.of(data, yaml.toString()); // an unknown option type fails the build, not a hook
            }
            packed.put(DeclarationFiles.packedName(name), json(data, yaml.toString()));
        }
        return packed;
    }

    /** {@code data} as JSON, checked to read back (as a hook reads it) exactly as SnakeYAML read it. */
    static byte[] json(Map<String, Object> data, String source) {
        try {
            String text = JSON.writeValueAsString(data);
            Object back = JSON.readValue(text, Object.class);
            String difference = firstDifference(data, back, "");
            if (difference != null) {
                throw new IllegalArgumentException(source + ": " + difference
                        + " does not survive as JSON (a date, set, binary value or NaN?): quote it");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code json} (read back) differs from the YAML's {@code yaml}, or null; map keys compare as text. */
    private static String firstDifference(Object yaml, Object json, String path) {
        if (yaml instanceof Map<?, ?> map) {
            if (!(json instanceof Map<?, ?> back) || back.size() != map.size()) {
                return describe(path);
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String at = path.isEmpty() ? key : path + "." + key;
                if (!back.containsKey(key)) {
                    return describe(at);
                }
                String inner = firstDifference(entry.getValue(), back.get(key), at);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (yaml instanceof List<?> list) {
            if (!(json instanceof List<?> back) || back.size() != list.size()) {
                return describe(path);
            }
            for (int i = 0; i < list.size(); i++) {
                String inner = firstDifference(list.get(i), back.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return Objects.equals(yaml, json) ? null : describe(path);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the document" : "'" + path + "'";
    }
}
