package dev.instanceha.ops.model;

/**
 * A config value the charm cannot use: a {@link StatusException} whose status is blocked with a
 * message naming the key and how to fix it, never a failed hook.
 */
public final class ConfigException extends StatusException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(message(key, problem), Status.blocked(message(key, problem)));
        this.key = key;
    }

    private static String message(String key, String problem) {
        return "config '" + key + "' " + problem;
    }

    public String key() {
        return key;
    }
}
