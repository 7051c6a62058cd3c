package dev.instanceha.stonith;

import java.util.Locale;

/** The fence-agents actions this agent implements, and what each one needs. */
public enum Action {
    ON(true), OFF(true), REBOOT(true), STATUS(true), MONITOR(false), LIST(false), LIST_STATUS(false),
    METADATA(false), VALIDATE_ALL(false);

    private final boolean needsPlug;

    Action(boolean needsPlug) {
        this.needsPlug = needsPlug;
    }

    public boolean needsPlug() {
        return needsPlug;
    }

    public boolean needsMaas() {
        return this != METADATA;
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
        // Older callers say reset/poweroff/poweron; map them rather than fail a fencing request.
        return switch (normalized) {
            case "reset" -> REBOOT;
            case "poweroff" -> OFF;
            case "poweron" -> ON;
            default -> throw new BadParameterException(Params.ACTION, "unknown action '" + normalized + "'");
        };
    }
}
