package dev.instanceha.interfaces.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tls-certificates provider (vault) in miniature, as interface-tls-certificates' provides side
 * reads requests (cert_requests JSON-decoded, unit_name raw) and answers in its own unit databag
 * (ca and chain raw, {@code <unit_name>.processed_requests} as JSON).
 */
final class TlsPeer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Request(String unitName, String commonName, List<String> sans) {}

    private TlsPeer() {}

    static List<Request> requests(Map<String, String> unit) throws Exception {
        List<Request> out = new ArrayList<>();
        JsonNode reqs = MAPPER.readTree(unit.get("cert_requests"));
        Iterator<Map.Entry<String, JsonNode>> it = reqs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> sans = new ArrayList<>();
            e.getValue().get("sans").forEach(s -> sans.add(s.asText()));
            out.add(new Request(unit.get("unit_name"), e.getKey(), sans));
        }
        return out;
    }

    /** The provider's databag after signing every request with the given cert/key text. */
    static Map<String, String> answer(List<Request> requests, String ca, String cert, String key) throws Exception {
        Map<String, String> bag = new TreeMap<>();
        bag.put("ca", ca);
        bag.put("chain", ca);
        Map<String, Map<String, Map<String, String>>> byUnit = new LinkedHashMap<>();
        for (Request r : requests) {
            byUnit.computeIfAbsent(r.unitName(), u -> new TreeMap<>())
                    .put(r.commonName(), Map.of("cert", cert, "key", key));
        }
        for (var e : byUnit.entrySet()) {
            bag.put(e.getKey() + ".processed_requests", MAPPER.writeValueAsString(e.getValue()));
        }
        return bag;
    }
}
