package dev.instanceha.tests.model.juju;

import dev.instanceha.ops.testing.jujuc.JujucForwarder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What Juju puts on a unit's machine: the charm unpacked with the zip entries' Unix modes into
 * {@code /var/lib/juju/agents/unit-APP-N/charm}, and the hook tools (one jujuc linked under every
 * tool name) in {@code /var/lib/juju/tools/unit-APP-N}.
 */
final class UnitFiles {
    private UnitFiles() {}

    static void install(Path rootfs, Unit unit, Path charm) throws IOException {
        Path charmDir = rootfs.resolve(unit.charmDir().substring(1));
        if (Files.exists(charmDir)) {
            deleteTree(charmDir); // refresh: the new revision replaces the old one, as Juju swaps it
        }
        Files.createDirectories(charmDir);
        unzip(charm, charmDir);
        JujucForwarder.install(rootfs.resolve("var/lib/juju/tools/" + unit.tag()));
    }

    private static void unzip(Path charm, Path target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException(charm + ": entry " + e.getName() + " points outside the charm directory");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                int mode = e.getUnixMode();
                Files.setPosixFilePermissions(out, perms(mode == 0 ? 0644 : mode & 0777));
            }
        }
    }

    static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                p.add(order[i]);
            }
        }
        return p;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
