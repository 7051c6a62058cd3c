package dev.instanceha.stonith;

import java.util.Locale;

/** A machine's power state as MAAS reports it; anything unrecognised counts as UNKNOWN. */
public enum PowerState {
    ON,
    OFF,
    UNKNOWN,
    ERROR;

    public static PowerState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> ON;
            case "off" -> OFF;
            case "error" -> ERROR;
            default -> UNKNOWN;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
