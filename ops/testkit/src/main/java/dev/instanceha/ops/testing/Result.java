package dev.instanceha.ops.testing;

import dev.instanceha.ops.model.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one event did: the state after it, and everything the charm said and changed. */
public record Result(
        int exitCode,
        State state,
        List<Status> statusHistory,
        Optional<Status> appStatus,
        List<String> logs,
        Map<String, String> actionResults,
        Optional<String> actionFailure,
        List<String> actionLogs,
        Optional<String> workloadVersion,
        List<String> relationWrites,
        FakeHost host) {
    /** The unit's status after the event (the last one set). */
    public Status unitStatus() {
        if (statusHistory.isEmpty()) {
            throw new AssertionError("the charm set no status");
        }
        return statusHistory.get(statusHistory.size() - 1);
    }

    public Map<String, String> localUnitData(String endpoint) {
        return state.relation(endpoint).localUnitData();
    }

    public Map<String, String> localAppData(String endpoint) {
        return state.relation(endpoint).localAppData();
    }

    /**
     * True when the hook ended normally with the unit blocked on bad config the way every charm here
     * reports it: {@code config '<key>' ...} with {@code expected} in the message.
     */
    public boolean blockedOnConfig(String key, String expected) {
        if (exitCode != 0 || statusHistory.isEmpty()) {
            return false;
        }
        Status s = unitStatus();
        return s.level() == dev.instanceha.ops.hooktools.StatusLevel.BLOCKED
                && s.message().startsWith("config '" + key + "'")
                && s.message().contains(expected);
    }

    /** Every log line joined, for "no secret in the log" checks. */
    public String allLogText() {
        return String.join("\n", logs);
    }
}
