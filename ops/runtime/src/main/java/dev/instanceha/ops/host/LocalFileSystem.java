package dev.instanceha.ops.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The unit's real file system (POSIX). */
final class LocalFileSystem implements FileSystem {
    private final UserPrincipalLookupService principals =
            FileSystems.getDefault().getUserPrincipalLookupService();

    @Override
    public boolean write(Path path, byte[] content, FileSpec spec) {
        try {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(Files.readAllBytes(path), content)
                    && matches(path, spec)) {
                return false;
            }
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Created with no permissions for others, so a secret is never readable in between.
            Path temp = Files.createTempFile(
                    dir,
                    "." + path.getFileName() + ".",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(content));
                    channel.force(true);
                }
                apply(temp, spec);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public Optional<byte[]> read(Path path) {
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public boolean ensureDirectory(Path path, FileSpec spec) {
        try {
            boolean created = false;
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path);
                created = true;
            }
            if (!created && matches(path, spec)) {
                return false;
            }
            apply(path, spec);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    @Override
    public boolean delete(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    private boolean matches(Path path, FileSpec spec) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attrs.owner().getName().equals(spec.owner())
                && attrs.group().getName().equals(spec.group())
                && attrs.permissions().equals(permissions(spec.mode()));
    }

    private void apply(Path path, FileSpec spec) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal owner = principals.lookupPrincipalByName(spec.owner());
        GroupPrincipal group = principals.lookupPrincipalByGroupName(spec.group());
        if (!view.readAttributes().owner().equals(owner)) {
            view.setOwner(owner);
        }
        if (!view.readAttributes().group().equals(group)) {
            view.setGroup(group);
        }
        view.setPermissions(permissions(spec.mode()));
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(order[bit]);
            }
        }
        return out;
    }
}
