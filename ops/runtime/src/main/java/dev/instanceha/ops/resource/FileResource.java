package dev.instanceha.ops.resource;

import dev.instanceha.ops.host.FileSpec;
import java.nio.file.Path;

/** One path as the charm wants it: a file with content, a directory, or nothing. */
record FileResource(Path path, Kind kind, byte[] content, FileSpec spec) {
    enum Kind {
        FILE,
        DIRECTORY,
        ABSENT
    }
}
