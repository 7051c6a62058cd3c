package dev.instanceha.ops.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemTest {
    private final LocalFileSystem files = new LocalFileSystem();
    private final String me = System.getProperty("user.name");

    @TempDir
    Path dir;

    private FileSpec spec(int mode) {
        String group = groupOf(dir);
        return new FileSpec(me, group, mode);
    }

    private static String groupOf(Path path) {
        try {
            return Files.readAttributes(path, java.nio.file.attribute.PosixFileAttributes.class)
                    .group()
                    .getName();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void writesWithModeAndReportsChangeOnlyOnce() throws Exception {
        Path file = dir.resolve("etc/masakari/masakari.conf");
        assertTrue(files.write(file, bytes("a=1\n"), spec(0640)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("a=1\n", Files.readString(file));
        assertFalse(files.write(file, bytes("a=1\n"), spec(0640)), "same content and mode: unchanged");
        assertTrue(files.write(file, bytes("a=2\n"), spec(0640)), "content changed");
        assertTrue(files.write(file, bytes("a=2\n"), spec(0600)), "mode changed");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        Path file = dir.resolve("authkey");
        files.write(file, bytes("k1"), spec(0400));
        files.write(file, bytes("k2"), spec(0400));
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
        assertArrayEquals(bytes("k2"), files.read(file).orElseThrow());
    }

    @Test
    void replacesAtomicallyANewInodeAppearsNoPartialWrite() throws Exception {
        Path file = dir.resolve("conf");
        files.write(file, bytes("old"), spec(0644));
        Object before = Files.getAttribute(file, "unix:ino");
        files.write(file, bytes("new"), spec(0644));
        Object after = Files.getAttribute(file, "unix:ino");
        // Rename, not rewrite in place: readers see the old or the new file, never half of one.
        assertFalse(before.equals(after));
    }

    @Test
    void directoriesAndDeletion() throws Exception {
        Path sub = dir.resolve("var/lib/pacemaker");
        assertTrue(files.ensureDirectory(sub, spec(0750)));
        assertFalse(files.ensureDirectory(sub, spec(0750)));
        assertTrue(files.ensureDirectory(sub, spec(0755)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)));
        Path file = sub.resolve("x");
        files.write(file, bytes("x"), spec(0644));
        assertTrue(files.exists(file));
        assertTrue(files.delete(file));
        assertFalse(files.delete(file));
        assertTrue(files.read(file).isEmpty());
    }

    @Test
    void modeBitsMapToPermissions() {
        assertEquals("rwxr-x---", PosixFilePermissions.toString(LocalFileSystem.permissions(0750)));
        assertEquals("r--------", PosixFilePermissions.toString(LocalFileSystem.permissions(0400)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
