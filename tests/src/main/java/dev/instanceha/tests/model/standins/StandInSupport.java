package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.juju.HookSession;
import dev.instanceha.tests.model.juju.Relation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** What every stand-in does alike: stable generated passwords (kept in unit state) and ready status. */
final class StandInSupport {
    private StandInSupport() {
    }

    /** The same password on every hook for this key, generated once and kept in the unit's state. */
    static String password(HookSession s, String key) {
        String stateKey = "password." + key;
        String existing = s.state().get(stateKey);
        if (existing != null) {
            return existing;
        }
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        String value = HexFormat.of().formatHex(b);
        s.setState(Map.of(stateKey, value));
        return value;
    }

    /** The remote unit's databag for every unit that has joined this relation. */
    static Map<String, String> remote(HookSession s, Relation r, String unit) {
        return s.unitData(r, unit);
    }

    static void ready(HookSession s) {
        s.setStatus("active", "Unit is ready");
    }
}
