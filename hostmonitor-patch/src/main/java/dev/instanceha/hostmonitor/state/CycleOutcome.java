package dev.instanceha.hostmonitor.state;

import java.util.List;
import java.util.Optional;

/** What one cluster reading led to: per-host decisions, and a cluster-wide note when holding or resuming. */
public record CycleOutcome(List<Decision> decisions, Optional<String> clusterNote) {
    public CycleOutcome {
        decisions = List.copyOf(decisions);
    }
}
