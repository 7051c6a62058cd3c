package dev.instanceha.interfaces.amqp;

import java.util.Map;
import java.util.TreeMap;

/** What rabbitmq-server reads from a requirer (amqp_changed): username+vhost, plain or "<p>_" prefixed. */
final class RabbitPeer {
    record Access(String username, String vhost) {}

    private RabbitPeer() {}

    static Map<String, Access> requests(Map<String, String> unit) {
        Map<String, Access> out = new TreeMap<>();
        if (unit.containsKey("username") && unit.containsKey("vhost")) {
            out.put("", new Access(unit.get("username"), unit.get("vhost")));
        }
        unit.forEach((key, value) -> {
            if (key.endsWith("_username")) {
                String prefix = key.substring(0, key.length() - "_username".length());
                String vhost = unit.get(prefix + "_vhost");
                if (vhost != null) {
                    out.put(prefix, new Access(value, vhost));
                }
            }
        });
        return out;
    }
}
