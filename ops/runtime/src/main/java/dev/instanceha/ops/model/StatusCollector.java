package dev.instanceha.ops.model;

import dev.instanceha.ops.hooktools.StatusLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Components report their status here during reconcile; the most severe one is what the unit
 * shows. On equal severity the first reported wins, so a charm orders its components by
 * what the operator should fix first.
 */
public final class StatusCollector {
    private final List<Status> reported = new ArrayList<>();
    private final Status whenAllActive;

    /** @param whenAllActive shown when nothing worse was reported, e.g. "Unit is ready" */
    public StatusCollector(Status whenAllActive) {
        this.whenAllActive = whenAllActive;
    }

    public StatusCollector() {
        this(Status.active("Unit is ready"));
    }

    public void report(Status status) {
        reported.add(status);
    }

    public List<Status> reported() {
        return List.copyOf(reported);
    }

    public Status mostSevere() {
        Optional<Status> worst = Optional.empty();
        for (Status status : reported) {
            if (worst.isEmpty() || status.isMoreSevereThan(worst.get())) {
                worst = Optional.of(status);
            }
        }
        return worst.filter(status -> status.level() != StatusLevel.ACTIVE).orElse(whenAllActive);
    }
}
