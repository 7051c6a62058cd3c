package dev.instanceha.simulators.maas;

import java.util.Locale;

/** MAAS power states as they appear in JSON ("on", "off", "unknown", "error"). */
public enum PowerState {
    ON,
    OFF,
    UNKNOWN,
    ERROR;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PowerState parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
