package dev.instanceha.ops.resource;

import dev.instanceha.ops.model.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applying a {@link DesiredState} did and found.
 *
 * @param changed files whose content changed, appeared or vanished (owner and mode repairs do not count)
 * @param restarted daemons restarted because of those changes
 * @param started daemons that were not running and were started
 * @param failedToStart daemons whose start or restart command failed, with the command's message
 * @param notRunning daemons that should run and do not, in declaration order (includes the failed)
 */
public record Applied(
        Set<Path> changed,
        List<String> restarted,
        List<String> started,
        Map<String, String> failedToStart,
        List<String> notRunning) {
    public Applied {
        changed = Set.copyOf(changed);
        restarted = List.copyOf(restarted);
        started = List.copyOf(started);
        failedToStart = Map.copyOf(failedToStart);
        notRunning = List.copyOf(notRunning);
    }

    public boolean anyChanged() {
        return !changed.isEmpty();
    }

    /** Whether {@code daemon} was restarted or started by this apply (it may need a moment to answer). */
    public boolean startedNow(String daemon) {
        return restarted.contains(daemon) || started.contains(daemon);
    }

    public boolean allRunning() {
        return notRunning.isEmpty();
    }

    /**
     * One blocked status per daemon that is down, in declaration order: {@code "x failed to start:
     * <why>"} or {@code "x is not running"}.
     */
    public List<Status> daemonProblems() {
        return notRunning.stream()
                .map(name -> failedToStart.containsKey(name)
                        ? Status.blocked(name + " failed to start: " + failedToStart.get(name))
                        : Status.blocked(name + " is not running"))
                .toList();
    }
}
