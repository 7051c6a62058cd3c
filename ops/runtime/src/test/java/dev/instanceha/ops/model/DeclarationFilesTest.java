package dev.instanceha.ops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationFilesTest {
    static final String CONFIG_YAML = """
            options:
              port: {type: int, default: 8080, description: the port}
            """;

    @TempDir
    Path dir;

    @Test
    void thePackedJsonBesideTheYamlIsWhatIsRead() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), CONFIG_YAML);
        Files.createDirectories(dir.resolve(".ops"));
        Files.writeString(
                dir.resolve(".ops/config.json"), "{\"options\":{\"ratio\":{\"type\":\"float\",\"default\":0.5}}}");
        ConfigSchema schema = ConfigSchema.load(dir.resolve("config.yaml"));
        assertEquals(List.of("ratio"), List.copyOf(schema.options().keySet()));
        assertEquals(ConfigSchema.Type.FLOAT, schema.options().get("ratio").type());
        assertEquals(0.5, schema.options().get("ratio").defaultValue());
    }

    @Test
    void withoutJsonTheYamlIsReadAndWithoutEitherNothingIsDeclared() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), CONFIG_YAML);
        ConfigSchema schema = ConfigSchema.load(dir.resolve("config.yaml"));
        assertEquals(8080, schema.options().get("port").defaultValue());
        assertEquals("the port", schema.options().get("port").description());
        assertTrue(DeclarationFiles.readMap(dir.resolve("actions.yaml")).isEmpty());
    }

    @Test
    void thePackedNameOfEachFile() {
        assertEquals(".ops/config.json", DeclarationFiles.packedName("config.yaml"));
        assertEquals(".ops/actions.json", DeclarationFiles.packedName("actions.yaml"));
        assertEquals(dir.resolve(".ops/actions.json"), DeclarationFiles.packedFile(dir.resolve("actions.yaml")));
    }

    /** As in a charm.jar: the runtime and Jackson, no SnakeYAML. */
    private static ClassLoader withoutSnakeYaml() throws Exception {
        List<String> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("snakeyaml"))
                .toList();
        assertFalse(entries.isEmpty());
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(entries.get(i)).toUri().toURL();
        }
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.yaml.snakeyaml.Yaml"));
        return loader;
    }

    @Test
    void aPackedCharmNeedsNoSnakeYamlAndAnUnpackedOneSaysWhatIsMissing() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), CONFIG_YAML);
        Files.createDirectories(dir.resolve(".ops"));
        Files.writeString(
                dir.resolve(".ops/config.json"), "{\"options\":{\"port\":{\"type\":\"int\",\"default\":8080}}}");
        Method readMap =
                withoutSnakeYaml().loadClass(DeclarationFiles.class.getName()).getMethod("readMap", Path.class);
        assertEquals(
                Map.of("options", Map.of("port", Map.of("type", "int", "default", 8080))),
                readMap.invoke(null, dir.resolve("config.yaml")));
        assertEquals(Map.of(), readMap.invoke(null, dir.resolve("actions.yaml")), "no file, no YAML reader needed");

        Files.delete(dir.resolve(".ops/config.json"));
        InvocationTargetException e =
                assertThrows(InvocationTargetException.class, () -> readMap.invoke(null, dir.resolve("config.yaml")));
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        assertEquals(
                dir.resolve("config.yaml") + " has no packed form .ops/config.json and SnakeYAML is not on the"
                        + " class path: pack the charm with ops-pack",
                e.getCause().getMessage());
    }
}
