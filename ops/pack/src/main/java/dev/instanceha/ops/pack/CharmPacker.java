package dev.instanceha.ops.pack;

import dev.instanceha.ops.model.DeclarationFiles;
import dev.instanceha.ops.model.YamlFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a {@code .charm}: the charm's source tree, {@code lib/charm.jar}, a generated
 * {@code manifest.yaml} and {@code dispatch}, and config.yaml and actions.yaml also as the JSON a
 * hook reads (so no hook needs SnakeYAML), with Unix modes in the zip entries (Juju does not fix
 * {@code dispatch}'s executable bit when it unpacks). Entries are sorted and time-stamped
 * identically so the same input gives the same archive.
 */
public final class CharmPacker {
    static final int EXECUTABLE = 0100755;
    static final int REGULAR = 0100644;
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch
    /** Ubuntu releases the charms support when charmcraft.yaml does not say. */
    static final List<Map<String, Object>> DEFAULT_BASES = List.of(
            Map.of("name", "ubuntu", "channel", "22.04", "architectures", List.of("amd64")),
            Map.of("name", "ubuntu", "channel", "24.04", "architectures", List.of("amd64")));

    private CharmPacker() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("usage: CharmPacker --source=DIR --jar=JAR --output=FILE.charm");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Path output = pack(Path.of(options.get("source")), Path.of(options.get("jar")), Path.of(options.get("output")));
        System.out.println("packed " + output);
    }

    /** Packs {@code source} (the charm's Juju files) and {@code jar} into {@code output}. */
    public static Path pack(Path source, Path jar, Path output) {
        Map<String, Object> metadata = YamlFiles.readMap(source.resolve("metadata.yaml"));
        if (!(metadata.get("name") instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException(source.resolve("metadata.yaml") + " has no name");
        }
        if (Files.exists(source.resolve(DeclarationFiles.PACKED_DIR))) {
            throw new IllegalArgumentException(source.resolve(DeclarationFiles.PACKED_DIR)
                    + " is the packer's own: remove it from the charm source");
        }
        // Juju would refuse (or worse, half-read) a charm whose YAML does not parse: this fails the build instead.
        Map<String, byte[]> declarations = PackedDeclarations.of(source);
        TreeMap<String, Entry> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String entryName = source.relativize(file).toString().replace('\\', '/');
                boolean executable =
                        entryName.equals("dispatch") || entryName.startsWith("hooks/") || Files.isExecutable(file);
                entries.put(entryName, new Entry(Files.readAllBytes(file), executable ? EXECUTABLE : REGULAR));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.computeIfAbsent("dispatch", key -> new Entry(dispatchTemplate(), EXECUTABLE));
        entries.put("dispatch", new Entry(entries.get("dispatch").content(), EXECUTABLE));
        entries.put("manifest.yaml", new Entry(manifest(source).getBytes(StandardCharsets.UTF_8), REGULAR));
        declarations.forEach((entryName, json) -> entries.put(entryName, new Entry(json, REGULAR)));
        try {
            entries.put("lib/charm.jar", new Entry(Files.readAllBytes(jar), REGULAR));
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(output);
                    ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
                for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                    ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getKey());
                    zipEntry.setUnixMode(entry.getValue().mode());
                    zipEntry.setLastModifiedTime(FIXED_TIME);
                    zip.putArchiveEntry(zipEntry);
                    zip.write(entry.getValue().content());
                    zip.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output;
    }

    /** The dispatch script every charm gets unless it ships its own. */
    public static byte[] dispatchTemplate() {
        try (InputStream in = CharmPacker.class.getResourceAsStream("dispatch")) {
            if (in == null) {
                throw new IllegalStateException("dispatch template missing from the ops-pack jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** manifest.yaml: bases from charmcraft.yaml's legacy {@code bases[].run-on}, else the defaults. */
    static String manifest(Path source) {
        List<Map<String, Object>> bases = new ArrayList<>();
        Map<String, Object> charmcraft = YamlFiles.readMap(source.resolve("charmcraft.yaml"));
        if (charmcraft.get("bases") instanceof List<?> declared) {
            for (Object base : declared) {
                if (base instanceof Map<?, ?> map) {
                    Object runOn = map.containsKey("run-on") ? map.get("run-on") : List.of(map);
                    if (runOn instanceof List<?> runs) {
                        for (Object run : runs) {
                            if (run instanceof Map<?, ?> r && r.get("name") != null && r.get("channel") != null) {
                                Map<String, Object> one = new LinkedHashMap<>();
                                one.put("name", String.valueOf(r.get("name")));
                                one.put("channel", String.valueOf(r.get("channel")));
                                one.put(
                                        "architectures",
                                        r.get("architectures") instanceof List<?> a ? a : List.of("amd64"));
                                bases.add(one);
                            }
                        }
                    }
                }
            }
        }
        if (bases.isEmpty()) {
            bases.addAll(DEFAULT_BASES);
        }
        StringBuilder out = new StringBuilder("# Written by the build (CharmPacker); Juju reads bases from here.\n");
        out.append("charmcraft-version: none (instanceha ops packer)\n");
        out.append(
                "analysis:\n  attributes:\n  - name: language\n    result: java\n  - name: framework\n    result: instanceha-ops\n");
        out.append("bases:\n");
        for (Map<String, Object> base : bases) {
            out.append("- name: ").append(base.get("name")).append('\n');
            out.append("  channel: '").append(base.get("channel")).append("'\n");
            out.append("  architectures:\n");
            for (Object arch : (List<?>) base.get("architectures")) {
                out.append("  - ").append(arch).append('\n');
            }
        }
        return out.toString();
    }

    private record Entry(byte[] content, int mode) {}
}
