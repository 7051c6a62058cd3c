package dev.instanceha.ops.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.ops.model.ConfigSchema;
import dev.instanceha.ops.model.DeclarationFiles;
import dev.instanceha.ops.model.YamlFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmPackerTest {
    @TempDir
    Path dir;

    Path source;
    Path jar;

    @BeforeEach
    void charmSource() throws Exception {
        source = Files.createDirectories(dir.resolve("charm"));
        Files.writeString(source.resolve("metadata.yaml"), "name: demo\nsummary: s\ndescription: d\n");
        Files.writeString(source.resolve("config.yaml"), "options: {}\n");
        Files.createDirectories(source.resolve("templates"));
        Files.writeString(source.resolve("templates/x.conf"), "x");
        jar = Files.write(dir.resolve("charm.jar"), new byte[] {0x50, 0x4b, 3, 4});
    }

    private static ZipArchiveEntry entry(ZipFile zip, String name) {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new AssertionError("no entry " + name);
        }
        return entry;
    }

    @Test
    void dispatchIsExecutableInTheZipsUnixAttributes() throws Exception {
        Path charm = CharmPacker.pack(source, jar, dir.resolve("out/demo.charm"));
        try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
            ZipArchiveEntry dispatch = entry(zip, "dispatch");
            assertEquals(3, dispatch.getPlatform(), "made by Unix, so Juju reads the mode");
            assertEquals(0100755, dispatch.getUnixMode());
            assertEquals(0100755L << 16, dispatch.getExternalAttributes() & (0xFFFFL << 16));
            assertEquals(0100644, entry(zip, "metadata.yaml").getUnixMode());
            String script = new String(zip.getInputStream(dispatch).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(script.startsWith("#!/bin/sh\n"));
            assertTrue(!script.contains("\r"), "LF line endings only");
            assertArrayEquals(
                    Files.readAllBytes(jar),
                    zip.getInputStream(entry(zip, "lib/charm.jar")).readAllBytes());
            List<String> names = Collections.list(zip.getEntries()).stream()
                    .map(ZipArchiveEntry::getName)
                    .toList();
            assertEquals(
                    List.of(
                            ".ops/config.json",
                            "config.yaml",
                            "dispatch",
                            "lib/charm.jar",
                            "manifest.yaml",
                            "metadata.yaml",
                            "templates/x.conf"),
                    names);
        }
    }

    @Test
    void manifestHasDefaultBasesOrThoseOfCharmcraftYaml() throws Exception {
        String manifest = CharmPacker.manifest(source);
        assertTrue(manifest.contains("- name: ubuntu\n  channel: '22.04'\n  architectures:\n  - amd64\n"), manifest);
        assertTrue(manifest.contains("channel: '24.04'"), manifest);
        Files.writeString(source.resolve("charmcraft.yaml"), """
                type: charm
                bases:
                - build-on: [{name: ubuntu, channel: "22.04"}]
                  run-on:
                  - {name: ubuntu, channel: "22.04", architectures: [amd64, arm64]}
                """);
        manifest = CharmPacker.manifest(source);
        assertTrue(manifest.contains("  - arm64\n"), manifest);
        assertTrue(!manifest.contains("24.04"), manifest);
    }

    @Test
    void sameInputSameArchive() throws Exception {
        Path a = CharmPacker.pack(source, jar, dir.resolve("a.charm"));
        Thread.sleep(1100);
        Path b = CharmPacker.pack(source, jar, dir.resolve("b.charm"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void ownDispatchIsKeptButMadeExecutable() throws Exception {
        Files.writeString(source.resolve("dispatch"), "#!/bin/sh\necho custom\n");
        Path charm = CharmPacker.pack(source, jar, dir.resolve("c.charm"));
        try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
            assertEquals(
                    "#!/bin/sh\necho custom\n",
                    new String(zip.getInputStream(entry(zip, "dispatch")).readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0100755, entry(zip, "dispatch").getUnixMode());
        }
    }

    @Test
    void unparsableConfigYamlFailsTheBuild() throws Exception {
        Files.writeString(source.resolve("config.yaml"), "options:\n  x:\n    description: a: b\n");
        assertThrows(RuntimeException.class, () -> CharmPacker.pack(source, jar, dir.resolve("e.charm")));
    }

    @Test
    void metadataWithoutNameIsRejected() throws Exception {
        Files.writeString(source.resolve("metadata.yaml"), "summary: s\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CharmPacker.pack(source, jar, dir.resolve("d.charm")));
        assertTrue(e.getMessage().endsWith("has no name"));
    }

    /** Unzips {@code charm} into {@code target} (plain files are all these tests need). */
    private static void unzip(Path charm, Path target) throws Exception {
        try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                Path out = Files.createDirectories(
                                target.resolve(entry.getName()).getParent())
                        .resolve(target.resolve(entry.getName()).getFileName());
                Files.write(out, zip.getInputStream(entry).readAllBytes());
            }
        }
    }

    @Test
    void configAndActionsAreAlsoPackedAsTheJsonAHookReads() throws Exception {
        Files.writeString(source.resolve("config.yaml"), """
                options:
                  port: {type: int, default: 8080, description: the port}
                  ratio: {type: float, default: 0.5}
                  debug: {type: boolean, default: false}
                  big: {type: int, default: 9223372036854775807}
                  vip: {type: string}
                """);
        Files.writeString(source.resolve("actions.yaml"), """
                pause:
                  description: Pause.
                  params:
                    hosts: {type: array, items: {type: string}}
                    mode: {type: string, enum: [soft, hard], default: soft}
                  required: [hosts]
                """);
        Path charm = CharmPacker.pack(source, jar, dir.resolve("j.charm"));
        Path unpacked = dir.resolve("unpacked");
        unzip(charm, unpacked);
        ObjectMapper json = new ObjectMapper();
        for (String name : List.of("config.yaml", "actions.yaml")) {
            Path packed = unpacked.resolve(DeclarationFiles.packedName(name));
            assertEquals(YamlFiles.readMap(source.resolve(name)), json.readValue(packed.toFile(), Object.class), name);
            assertEquals(
                    Files.readAllBytes(unpacked.resolve(name)).length,
                    Files.readAllBytes(source.resolve(name)).length,
                    name + " itself is still packed for Juju");
        }
        String config = Files.readString(unpacked.resolve(".ops/config.json"));
        assertTrue(
                config.startsWith(
                        "{\"options\":{\"port\":{\"type\":\"int\",\"default\":8080,\"description\":\"the port\"},"),
                "YAML order, compact: " + config);

        // The runtime reads the JSON: a config.yaml gone bad after packing changes nothing.
        Files.writeString(unpacked.resolve("config.yaml"), "options: [not, a, map\n");
        ConfigSchema schema = ConfigSchema.load(unpacked.resolve("config.yaml"));
        assertEquals(
                List.of("port", "ratio", "debug", "big", "vip"),
                List.copyOf(schema.options().keySet()));
        assertEquals(ConfigSchema.Type.FLOAT, schema.options().get("ratio").type());
        assertEquals(9223372036854775807L, schema.options().get("big").defaultValue());
        assertEquals(null, schema.options().get("vip").defaultValue());
    }

    @Test
    void yamlThatJsonWouldChangeFailsTheBuildNamingWhere() throws Exception {
        Files.writeString(source.resolve("config.yaml"), "options:\n  since: {type: string, default: 2024-01-31}\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CharmPacker.pack(source, jar, dir.resolve("f.charm")));
        assertTrue(e.getMessage().contains("'options.since.default' does not survive as JSON"), e.getMessage());
        Files.writeString(source.resolve("config.yaml"), "options: {}\n");
        Files.writeString(
                source.resolve("actions.yaml"), "tune:\n  params:\n    ratio: {type: number, maximum: .nan}\n");
        e = assertThrows(IllegalArgumentException.class, () -> CharmPacker.pack(source, jar, dir.resolve("g.charm")));
        assertTrue(e.getMessage().contains("'tune.params.ratio.maximum'"), e.getMessage());
    }

    @Test
    void anUnknownOptionTypeFailsTheBuild() throws Exception {
        Files.writeString(source.resolve("config.yaml"), "options:\n  port: {type: integer}\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CharmPacker.pack(source, jar, dir.resolve("h.charm")));
        assertTrue(e.getMessage().contains("option 'port' has type 'integer'"), e.getMessage());
    }

    @Test
    void aSourceWithThePackersOwnDirectoryIsRefused() throws Exception {
        Files.createDirectories(source.resolve(".ops"));
        Files.writeString(source.resolve(".ops/config.json"), "{}");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CharmPacker.pack(source, jar, dir.resolve("i.charm")));
        assertTrue(
                e.getMessage().endsWith(".ops is the packer's own: remove it from the charm source"), e.getMessage());
    }
}
