package dev.instanceha.ops.testing.jujuc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Lays out a unit's hook tools as Juju does: one {@code jujuc} (the forwarder to
 * {@link HookToolServer}) and a link to it under every name in {@link HookToolCommands#TOOLS}.
 * The forwarder needs python3 where it runs.
 */
public final class JujucForwarder {
    private JujucForwarder() {}

    /** Writes the tools into {@code toolsDir} (created if missing), replacing what was there. */
    public static void install(Path toolsDir) throws IOException {
        Files.createDirectories(toolsDir);
        Path jujuc = toolsDir.resolve("jujuc");
        try (InputStream in = JujucForwarder.class.getResourceAsStream("jujuc")) {
            if (in == null) {
                throw new IOException("the jujuc resource is missing from the classpath");
            }
            Files.copy(in, jujuc, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(jujuc, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String tool : HookToolCommands.TOOLS) {
            Path link = toolsDir.resolve(tool);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, jujuc.getFileName());
        }
    }
}
