package dev.instanceha.interfaces.hacluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * charm-hacluster's parse_data in miniature: {@code json_<key>} decoded with a plain JSON parser,
 * else nothing (the Python-literal fallback is not needed for what we send). Stands in for the
 * upstream hacluster reading what our principal sends.
 */
final class HaclusterPeer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HaclusterPeer() {}

    static JsonNode parseData(Map<String, String> unit, String key) throws Exception {
        String json = unit.get("json_" + key);
        if (json != null && !json.isEmpty()) {
            return MAPPER.readTree(json);
        }
        return MAPPER.createObjectNode();
    }

    /** charm-interface-hacluster is_clustered: "yes"/"true" in any case. */
    static boolean isClustered(Map<String, String> unit) {
        String v = unit.get("clustered");
        return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"));
    }
}
