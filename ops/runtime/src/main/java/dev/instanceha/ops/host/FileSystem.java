package dev.instanceha.ops.host;

import java.nio.file.Path;
import java.util.Optional;

/** Files the charm manages on the unit. */
public interface FileSystem {
    /**
     * Writes atomically (temporary file in the same directory, then rename), with owner, group and
     * mode set before the file becomes visible.
     *
     * @return true when content, owner, group or mode changed; false when the file was already so
     */
    boolean write(Path path, byte[] content, FileSpec spec);

    Optional<byte[]> read(Path path);

    /** Creates the directory (and parents) and sets owner/group/mode; true if anything changed. */
    boolean ensureDirectory(Path path, FileSpec spec);

    /** True if a file was there and was removed. */
    boolean delete(Path path);

    boolean exists(Path path);
}
