package dev.instanceha.hacluster.cib;

import java.util.LinkedHashMap;
import java.util.Map;

/** A resource agent as crm names it: {@code ocf:heartbeat:IPaddr2}, {@code lsb:haproxy}, {@code stonith:fence_maas}. */
record Agent(String standard, String provider, String type) {
    static Agent parse(String objectId, String spec) {
        String[] parts = spec.strip().split(":");
        if (parts.length == 3 && parts[0].equals("ocf")) {
            return new Agent("ocf", parts[1], parts[2]);
        }
        if (parts.length == 2 && !parts[0].equals("ocf") && parts[0].matches("[a-z]+") && !parts[1].isEmpty()) {
            return new Agent(parts[0], null, parts[1]);
        }
        throw new CrmSyntaxException(objectId, "'" + spec + "' is not a resource agent (class:provider:type)");
    }

    /** The primitive's class/provider/type attributes, with its id first. */
    Map<String, String> primitiveAttributes(String id) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("class", standard);
        if (provider != null) {
            out.put("provider", provider);
        }
        out.put("type", type);
        return out;
    }
}
