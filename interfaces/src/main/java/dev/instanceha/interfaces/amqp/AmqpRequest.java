package dev.instanceha.interfaces.amqp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a charm asks rabbitmq-server for on amqp (charm-interface-rabbitmq request_access): a user and
 * a vhost; with a prefix the keys become {@code <prefix>_username}/{@code <prefix>_vhost}.
 */
public record AmqpRequest(Optional<String> prefix, String username, String vhost) {
    public AmqpRequest {
        prefix = prefix == null ? Optional.empty() : prefix;
        if (prefix.isPresent() && !prefix.get().matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("prefix must be alphanumeric");
        }
        if (username == null || username.isBlank() || vhost == null || vhost.isBlank()) {
            throw new IllegalArgumentException("username and vhost must not be blank");
        }
    }

    public AmqpRequest(String username, String vhost) {
        this(Optional.empty(), username, vhost);
    }

    public String key(String name) {
        return prefix.map(p -> p + "_" + name).orElse(name);
    }

    /** Raw values for this unit's databag. */
    public Map<String, String> unitData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(key("username"), username);
        data.put(key("vhost"), vhost);
        return data;
    }
}
