package dev.instanceha.interfaces.hacluster;

import java.util.List;

/** The CRM field names, each sent as {@code json_<field>} (or, from old charms, as a bare Python literal). */
final class HaClusterKeys {
    static final List<String> MAP_FIELDS =
            List.of("resources", "resource_params", "groups", "ms", "orders", "colocations", "clones", "locations");
    static final List<String> LIST_FIELDS = List.of("init_services", "systemd_services", "delete_resources");
    static final String BIND_IFACE = "corosync_bindiface";
    static final String MCAST_PORT = "corosync_mcastport";
    static final String CLUSTERED = "clustered";

    private HaClusterKeys() {}

    static String json(String field) {
        return "json_" + field;
    }
}
