package dev.instanceha.ops.resource;

import dev.instanceha.ops.host.FileSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reconcile wants on the unit: files (present with content, owner and mode, or absent),
 * directories, daemons with the files that restart them, and the ports open. The charm only
 * declares; {@link ResourceApplier} brings the unit there in declaration order with one
 * change-detection rule, so a second hook with the same declaration changes nothing.
 */
public final class DesiredState {
    private final Map<Path, FileResource> files = new LinkedHashMap<>();
    private final List<Daemon> daemons = new ArrayList<>();
    private Set<String> ports;

    /** A directory (and its parents) with this owner and mode. */
    public DesiredState directory(Path path, FileSpec spec) {
        return put(new FileResource(path, FileResource.Kind.DIRECTORY, null, spec));
    }

    public DesiredState file(Path path, byte[] content, FileSpec spec) {
        return put(new FileResource(path, FileResource.Kind.FILE, content.clone(), spec));
    }

    public DesiredState file(Path path, String content, FileSpec spec) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), spec);
    }

    /** The file when there is content for it, otherwise absent (a CA that was configured and no longer is). */
    public DesiredState file(Path path, Optional<String> content, FileSpec spec) {
        return content.map(text -> file(path, text, spec)).orElseGet(() -> absent(path));
    }

    /** No file at {@code path}. */
    public DesiredState absent(Path path) {
        return put(new FileResource(path, FileResource.Kind.ABSENT, null, null));
    }

    /** A daemon to run (or keep stopped); started in declaration order, stopped in reverse. */
    public DesiredState daemon(Daemon daemon) {
        daemons.add(daemon);
        return this;
    }

    /**
     * Exactly these ports open (e.g. {@code 3121/tcp}): missing ones are opened, others this unit
     * opened are closed. A charm that never declares ports leaves them alone.
     */
    public DesiredState ports(String... wanted) {
        ports = new LinkedHashSet<>(List.of(wanted));
        return this;
    }

    List<FileResource> files() {
        return List.copyOf(files.values());
    }

    List<Daemon> daemons() {
        return List.copyOf(daemons);
    }

    Optional<Set<String>> ports() {
        return Optional.ofNullable(ports);
    }

    private DesiredState put(FileResource file) {
        if (files.containsKey(file.path())) {
            throw new IllegalArgumentException(file.path() + " is declared twice");
        }
        files.put(file.path(), file);
        return this;
    }
}
