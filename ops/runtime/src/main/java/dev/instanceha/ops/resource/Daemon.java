package dev.instanceha.ops.resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A system service the charm runs, and what restarts it: a change to one of {@code restartedBy}
 * (or to any declared file, for a daemon that reads all of them), or {@code alsoRestart} for a
 * change the charm detected itself (e.g. a package upgrade). A daemon declared {@code stopped} is
 * stopped and disabled, so it stays down after a reboot.
 *
 * @param name the service name as the service manager knows it
 * @param boundTo a daemon declared before this one that this one runs on (empty when none): it is
 *     stopped while that one restarts and started after it, so it never runs on the old instance
 */
public record Daemon(
        String name,
        boolean running,
        Set<Path> restartedBy,
        boolean restartedByAnyFile,
        boolean alsoRestart,
        Optional<String> boundTo) {
    public Daemon {
        restartedBy = Set.copyOf(restartedBy);
    }

    /** Running; restarted when one of {@code files} changed. */
    public static Daemon running(String name, List<Path> files) {
        return new Daemon(name, true, Set.copyOf(files), false, false, Optional.empty());
    }

    /** Running; restarted when any file of the declaration changed. */
    public static Daemon runningOnAllFiles(String name) {
        return new Daemon(name, true, Set.of(), true, false, Optional.empty());
    }

    /** Stopped and disabled. */
    public static Daemon stopped(String name) {
        return new Daemon(name, false, Set.of(), false, false, Optional.empty());
    }

    /** The same daemon, restarted this time whatever the files did when {@code restart} is true. */
    public Daemon restartIf(boolean restart) {
        return new Daemon(name, running, restartedBy, restartedByAnyFile, alsoRestart || restart, boundTo);
    }

    /**
     * The same daemon, running on {@code other} (pacemaker on corosync: it exits when corosync goes
     * away under it): stopped before {@code other} restarts, started after it.
     */
    public Daemon boundTo(String other) {
        return new Daemon(name, running, restartedBy, restartedByAnyFile, alsoRestart, Optional.of(other));
    }

    boolean restartsFor(Set<Path> changed) {
        return alsoRestart
                || (restartedByAnyFile ? !changed.isEmpty() : changed.stream().anyMatch(restartedBy::contains));
    }
}
