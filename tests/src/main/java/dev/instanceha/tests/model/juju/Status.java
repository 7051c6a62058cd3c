package dev.instanceha.tests.model.juju;

/** A workload status as status-set leaves it. */
public record Status(String status, String message) {
    public static final Status UNKNOWN = new Status("unknown", "");
    public static final Status WAITING_AGENT = new Status("waiting", "agent initialising");
}
