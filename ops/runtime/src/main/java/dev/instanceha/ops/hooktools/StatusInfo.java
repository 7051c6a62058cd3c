package dev.instanceha.ops.hooktools;

/** What {@code status-get} reports; {@code level} is null for Juju's read-only unknown/error. */
public record StatusInfo(String status, String message) {
    public java.util.Optional<StatusLevel> level() {
        return StatusLevel.parse(status);
    }
}
