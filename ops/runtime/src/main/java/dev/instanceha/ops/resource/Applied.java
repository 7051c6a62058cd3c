package dev.instanceha.ops.resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applying a {@link DesiredState} did and found.
 *
 * @param changed files whose content changed, appeared or vanished (owner and mode repairs do not count)
 * @param restarted daemons restarted because of those changes
 * @param failedToStart daemons whose start or restart command failed, with the command's message
 * @param notRunning daemons that should run and do not, in declaration order (includes the failed)
 */
public record Applied(Set<Path> changed, List<String> restarted, Map<String, String> failedToStart,
                      List<String> notRunning) {
    public Applied {
        changed = Set.copyOf(changed);
        restarted = List.copyOf(restarted);
        failedToStart = Map.copyOf(failedToStart);
        notRunning = List.copyOf(notRunning);
    }

    public boolean anyChanged() {
        return !changed.isEmpty();
    }

    public boolean allRunning() {
        return notRunning.isEmpty();
    }
}
