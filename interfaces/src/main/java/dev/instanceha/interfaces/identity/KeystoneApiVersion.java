package dev.instanceha.interfaces.identity;

import java.util.Set;

/** The {@code api_version} values keystone's charm publishes: "2", "2.0" or "3" (v3 since Queens). */
final class KeystoneApiVersion {
    private static final Set<String> KNOWN = Set.of("2", "2.0", "3", "3.0");

    private KeystoneApiVersion() {}

    static boolean isKnown(String value) {
        return KNOWN.contains(value.strip());
    }
}
