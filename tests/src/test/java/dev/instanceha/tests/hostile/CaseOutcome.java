package dev.instanceha.tests.hostile;

import java.util.List;

/**
 * A case after both runs: the final status of each, exit codes, wall time, and the failed checks
 * ({@code findings} empty means the case passed). {@code log} is the full record for the log file.
 */
public record CaseOutcome(
        HostileCase hostileCase,
        List<Integer> exitCodes,
        List<String> statuses,
        String actionFailure,
        long millis,
        List<Finding> findings,
        String log) {
    public boolean passed() {
        return findings.isEmpty();
    }

    public boolean has(Cause cause) {
        return findings.stream().anyMatch(f -> f.cause() == cause);
    }
}
