package dev.instanceha.interfaces.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One database asked for on shared-db (charm-interface-mysql-shared configure). With a prefix the
 * keys become {@code <prefix>_database} etc., which is how one relation carries several databases.
 */
public record DatabaseRequest(Optional<String> prefix, String database, String username) {
    public DatabaseRequest {
        prefix = prefix == null ? Optional.empty() : prefix;
        if (prefix.isPresent() && !prefix.get().matches("[A-Za-z0-9]+")) {
            // The provider finds prefixes by splitting keys on '_': a prefix must not contain one.
            throw new IllegalArgumentException("prefix must be alphanumeric");
        }
        for (String[] f : new String[][] {{database, "database"}, {username, "username"}}) {
            if (f[0] == null || f[0].isBlank()) {
                throw new IllegalArgumentException(f[1] + " must not be blank");
            }
        }
    }

    public DatabaseRequest(String database, String username) {
        this(Optional.empty(), database, username);
    }

    /** The key name for this request, with the prefix when there is one. */
    public String key(String name) {
        return prefix.map(p -> p + "_" + name).orElse(name);
    }

    /** Raw values for this unit's databag; {@code hostname} is where this unit connects from. */
    public Map<String, String> unitData(String hostname) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(key("database"), database);
        data.put(key("username"), username);
        data.put(key("hostname"), hostname);
        return data;
    }
}
