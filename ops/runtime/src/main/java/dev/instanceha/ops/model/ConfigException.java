package dev.instanceha.ops.model;

/**
 * A config value the charm cannot use. The message names the key and says how to fix it;
 * the framework turns it into a {@code blocked} status instead of a failed hook.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super("config '" + key + "' " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
