package dev.instanceha.hostmonitor.config;

/** A configuration file that cannot be used; the message names the file, section or option. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
