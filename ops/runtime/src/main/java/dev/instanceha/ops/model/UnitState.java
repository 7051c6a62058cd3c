package dev.instanceha.ops.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Unit-local facts that cannot be recomputed (e.g. "the database was migrated at version X"),
 * kept by Juju through state-get/state-set. Changes are written once, when the hook succeeds.
 */
public final class UnitState {
    private final Map<String, String> loaded;
    private final Map<String, String> current;

    public UnitState(Map<String, String> loaded) {
        this.loaded = Map.copyOf(loaded);
        this.current = new LinkedHashMap<>(loaded);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(current.get(key));
    }

    public void put(String key, String value) {
        current.put(key, value);
    }

    public void remove(String key) {
        current.remove(key);
    }

    /** Keys added or changed since the hook started. */
    public Map<String, String> changed() {
        Map<String, String> out = new LinkedHashMap<>();
        current.forEach((key, value) -> {
            if (!value.equals(loaded.get(key))) {
                out.put(key, value);
            }
        });
        return out;
    }

    public Set<String> removed() {
        Set<String> out = new HashSet<>(loaded.keySet());
        out.removeAll(current.keySet());
        return out;
    }

    public Map<String, String> snapshot() {
        return Map.copyOf(current);
    }
}
