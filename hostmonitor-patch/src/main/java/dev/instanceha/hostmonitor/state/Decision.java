package dev.instanceha.hostmonitor.state;

import dev.instanceha.hostmonitor.notify.Notification;
import java.util.Optional;

/** One decision about one host: the phase change, why, and the notification it produced if any. */
public record Decision(String host, HostPhase from, HostPhase to, String reason, Optional<Notification> notification) {

    /** The single log line the daemon writes for this decision. */
    public String logLine() {
        return "host=" + host + " " + from + " -> " + to + ": " + reason
                + notification
                        .map(n -> " [notify " + n.event() + " id=" + n.id() + "]")
                        .orElse("");
    }
}
