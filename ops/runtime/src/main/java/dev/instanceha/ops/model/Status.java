package dev.instanceha.ops.model;

import dev.instanceha.ops.hooktools.StatusLevel;

/** A workload status: the level and the one line an operator sees in {@code juju status}. */
public record Status(StatusLevel level, String message) {
    public Status {
        message = message == null ? "" : message;
    }

    public static Status active(String message) {
        return new Status(StatusLevel.ACTIVE, message);
    }

    public static Status waiting(String message) {
        return new Status(StatusLevel.WAITING, message);
    }

    public static Status maintenance(String message) {
        return new Status(StatusLevel.MAINTENANCE, message);
    }

    public static Status blocked(String message) {
        return new Status(StatusLevel.BLOCKED, message);
    }

    public boolean isMoreSevereThan(Status other) {
        return level.severity() > other.level.severity();
    }
}
