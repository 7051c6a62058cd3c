package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.juju.CharmMeta;
import dev.instanceha.tests.model.juju.HookSession;
import dev.instanceha.tests.model.juju.StandIn;
import java.util.Map;

/** mysql-innodb-cluster: the database behind the routers (the host's MariaDB); nothing to publish here. */
final class MysqlClusterStandIn implements StandIn {
    private final CharmMeta meta =
            StandIns.meta("mysql-innodb-cluster", false, Map.of("db-router", StandIns.ep("mysql-router")), Map.of());

    @Override
    public CharmMeta meta() {
        return meta;
    }

    @Override
    public void handle(HookSession s) {
        s.setStatus("active", "Unit is ready: Mode: R/W, Cluster is ONLINE and can tolerate no failures.");
    }
}
