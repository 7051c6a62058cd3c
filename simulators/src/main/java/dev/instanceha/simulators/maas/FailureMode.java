package dev.instanceha.simulators.maas;

import java.util.Locale;

/** How a simulated machine misbehaves. Set per machine, at build time or while running. */
public enum FailureMode {
    /** Behaves like a healthy machine with a working BMC. */
    NONE,
    /** power_off/power_on are accepted but the BMC fails: query_power_state answers 503, state becomes "error". */
    POWER_DRIVER_ERROR,
    /** power_off is accepted but the machine stays on forever. */
    NEVER_OFF,
    /** query_power_state answers {"state": "unknown"}. */
    UNKNOWN_STATE,
    /** power_off/power_on answer 409 (state conflict), as MAAS does for a machine in the wrong state. */
    CONFLICT,
    /** Every request about this machine answers 503 (region or rack controller unavailable). */
    UNAVAILABLE,
    /** Requests about this machine hang until the simulator stops, so clients must time out. */
    HANG;

    public static FailureMode parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
