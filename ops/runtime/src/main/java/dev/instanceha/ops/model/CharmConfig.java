package dev.instanceha.ops.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit's configuration: Juju's values over config.yaml's defaults. A charm reads it one way:
 * bound to a record with {@link #as(Class)}, whose errors name the key.
 */
public final class CharmConfig {
    private final ConfigSchema schema;
    private final Map<String, Object> values;
    private final java.util.function.Consumer<String> secrets;

    public CharmConfig(ConfigSchema schema, Map<String, Object> jujuValues) {
        this(schema, jujuValues, secret -> {});
    }

    /** @param secrets where the values of {@link Secret} components bound by {@link #as} are registered */
    public CharmConfig(
            ConfigSchema schema, Map<String, Object> jujuValues, java.util.function.Consumer<String> secrets) {
        this.schema = schema;
        this.secrets = secrets;
        Map<String, Object> merged = new LinkedHashMap<>();
        schema.options().forEach((name, option) -> {
            if (option.defaultValue() != null) {
                merged.put(name, option.defaultValue());
            }
        });
        jujuValues.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        this.values = Collections.unmodifiableMap(merged);
    }

    public Map<String, Object> values() {
        return values;
    }

    public ConfigSchema schema() {
        return schema;
    }

    /**
     * Binds the whole config to a record or class (keys matched through {@code @JsonProperty} or
     * the component name). Type errors come back as a {@link ConfigException} naming the key;
     * {@link Secret} components are registered with the redactor.
     */
    public <T> T as(Class<T> type) {
        return RecordBinding.bind(values, type, ConfigException::new, secrets);
    }
}
