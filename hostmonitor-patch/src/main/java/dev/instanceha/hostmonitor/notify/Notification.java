package dev.instanceha.hostmonitor.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A COMPUTE_HOST notification as masakari-hostmonitor sends it: payload keys event, cluster_status,
 * host_status; generated_time is naive UTC with microseconds. {@code id} is local only (outbox key).
 */
public record Notification(String id, String type, String hostname, String generatedTime, Map<String, String> payload) {

    public static final String COMPUTE_HOST = "COMPUTE_HOST";
    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    public Notification {
        payload = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** The host failed and is known (fenced) or assumed (stonith_wait) to be down. */
    public static Notification stopped(String hostname, Instant at) {
        return computeHost(hostname, at, "STOPPED", "OFFLINE");
    }

    /** The host is back in the cluster. */
    public static Notification started(String hostname, Instant at) {
        return computeHost(hostname, at, "STARTED", "ONLINE");
    }

    private static Notification computeHost(String hostname, Instant at, String event, String clusterStatus) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("cluster_status", clusterStatus);
        payload.put("host_status", "NORMAL");
        return new Notification(UUID.randomUUID().toString(), COMPUTE_HOST, hostname, GENERATED.format(at), payload);
    }

    public String event() {
        return payload.get("event");
    }
}
