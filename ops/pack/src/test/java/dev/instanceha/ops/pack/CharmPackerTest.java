package dev.instanceha.ops.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertArrayEquals(Files.readAllBytes(jar), zip.getInputStream(entry(zip, "lib/charm.jar")).readAllBytes());
            List<String> names = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
            assertEquals(List.of("config.yaml", "dispatch", "lib/charm.jar", "manifest.yaml", "metadata.yaml",
                    "templates/x.conf"), names);
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
            assertEquals("#!/bin/sh\necho custom\n",
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharmPacker.pack(source, jar, dir.resolve("d.charm")));
        assertTrue(e.getMessage().endsWith("has no name"));
    }
}
