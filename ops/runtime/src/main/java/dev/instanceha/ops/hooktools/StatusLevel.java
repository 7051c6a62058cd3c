package dev.instanceha.ops.hooktools;

import java.util.Locale;
import java.util.Optional;

/** The statuses {@code status-set} takes from a charm, ordered by how much they need an operator's eye. */
public enum StatusLevel {
    ACTIVE(0),
    WAITING(1),
    MAINTENANCE(2),
    BLOCKED(3);

    private final int severity;

    StatusLevel(int severity) {
        this.severity = severity;
    }

    /** blocked > maintenance > waiting > active, as ops' collect-status ranks them. */
    public int severity() {
        return severity;
    }

    public String jujuName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StatusLevel> parse(String jujuName) {
        for (StatusLevel level : values()) {
            if (level.jujuName().equals(jujuName)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
