package dev.instanceha.interfaces.db;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a shared-db provider makes of a requirer's databag (the prefix split of charm-mysql-router's
 * and percona-cluster's get_db_data): unprefixed keys under "", "p_key" under "p".
 */
final class MysqlSharedPeer {
    private static final Set<String> KEYS = Set.of("database", "username", "hostname");

    private MysqlSharedPeer() {}

    static Map<String, Map<String, String>> requests(Map<String, String> unit) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        unit.forEach((key, value) -> {
            if (KEYS.contains(key)) {
                out.computeIfAbsent("", k -> new TreeMap<>()).put(key, value);
            } else if (key.contains("_")) {
                String prefix = key.substring(0, key.indexOf('_'));
                String name = key.substring(key.indexOf('_') + 1);
                if (KEYS.contains(name)) {
                    out.computeIfAbsent(prefix, k -> new TreeMap<>()).put(name, value);
                }
            }
        });
        return out;
    }
}
