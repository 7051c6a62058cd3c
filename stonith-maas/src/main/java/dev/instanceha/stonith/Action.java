package dev.instanceha.stonith;

import java.util.Locale;

/** The fence-agents actions this agent implements, and what each one needs. */
public enum Action {
    ON(true),
    OFF(true),
    REBOOT(true),
    STATUS(true),
    MONITOR(false),
    LIST(false),
    LIST_STATUS(false),
    METADATA(false),
    MANPAGE(false),
    VALIDATE_ALL(false);

    private final boolean needsPlug;

    Action(boolean needsPlug) {
        this.needsPlug = needsPlug;
    }

    public boolean needsPlug() {
        return needsPlug;
    }

    public boolean needsMaas() {
        return this != METADATA && this != MANPAGE;
    }

    /** The name on the wire: "list-status", "validate-all", ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Action parse(String text) throws BadParameterException {
        String normalized = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Action action : values()) {
            if (action.wireName().equals(normalized)) {
                return action;
            }
        }
        // The aliases fence-agents accepts (meta-data from OCF, enable/disable) and older callers'
        // reset/poweroff/poweron: map them rather than fail a fencing request.
        return switch (normalized) {
            case "meta-data" -> METADATA;
            case "reset" -> REBOOT;
            case "poweroff", "disable" -> OFF;
            case "poweron", "enable" -> ON;
            // "unsupported action" is the phrase pacemaker maps to "operation not supported".
            default -> throw new BadParameterException(Params.ACTION, "unsupported action '" + normalized + "'");
        };
    }
}
