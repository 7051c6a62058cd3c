package dev.instanceha.hostmonitor.cluster;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** One entry of pacemaker's fence history; {@code completed} is absent while pending. */
public record FenceEvent(String target, String action, Status status, String delegate, Optional<Instant> completed) {

    public enum Status {
        SUCCESS,
        FAILED,
        PENDING
    }

    /** A successful off or reboot of the target: the node is known to be down. */
    public boolean confirmsDown() {
        String a = action.toLowerCase(Locale.ROOT);
        return status == Status.SUCCESS && (a.equals("reboot") || a.equals("off") || a.equals("poweroff"));
    }
}
