package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.CharmMeta;
import dev.instanceha.tests.model.juju.StandIn;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Charmhub names a bundle may use for peers we do not write, and the stand-in serving each. */
public final class StandIns {
    private StandIns() {}

    public static StandIn forCharm(String charm, ModelCloud cloud) {
        String name = charm.replaceFirst("^ch:", "").replaceFirst("^cs:", "").replaceFirst("-\\d+$", "");
        return switch (name) {
            case "keystone" -> new KeystoneStandIn(cloud);
            case "mysql-router" -> new MysqlRouterStandIn(cloud);
            case "mysql-innodb-cluster" -> new MysqlClusterStandIn();
            case "percona-cluster" -> new MysqlRouterStandIn(cloud).asPercona();
            case "rabbitmq-server" -> new RabbitStandIn(cloud);
            case "nova-compute" -> new NovaComputeStandIn(cloud);
            default -> null;
        };
    }

    /** metadata.yaml as a map, for {@link CharmMeta#of}. */
    static CharmMeta meta(
            String name, boolean subordinate, Map<String, Object> provides, Map<String, Object> requires) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("subordinate", subordinate);
        m.put("provides", provides);
        m.put("requires", requires);
        return CharmMeta.of(m, null, null);
    }

    static Map<String, Object> ep(String iface) {
        return Map.of("interface", iface);
    }

    static Map<String, Object> containerEp(String iface) {
        return Map.of("interface", iface, "scope", "container");
    }
}
