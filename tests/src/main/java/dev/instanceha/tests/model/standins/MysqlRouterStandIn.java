package dev.instanceha.tests.model.standins;

import dev.instanceha.tests.model.Machines;
import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.CharmMeta;
import dev.instanceha.tests.model.juju.HookSession;
import dev.instanceha.tests.model.juju.Relation;
import dev.instanceha.tests.model.juju.StandIn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * mysql-router (a subordinate beside its client, as upstream bundles deploy it) or percona-cluster:
 * for each shared-db request (plain or with a prefix), the database and user in the real MariaDB,
 * then {@code db_host}, {@code password} and {@code allowed_units} back, keyed as the real charms
 * key them. The router publishes the bridge address, where the real one publishes its local
 * listener: the database is on the host here.
 */
final class MysqlRouterStandIn implements StandIn {
    private final ModelCloud cloud;
    private CharmMeta meta = StandIns.meta(
            "mysql-router",
            true,
            Map.of("shared-db", StandIns.containerEp("mysql-shared")),
            Map.of("db-router", StandIns.ep("mysql-router")));

    MysqlRouterStandIn(ModelCloud cloud) {
        this.cloud = cloud;
    }

    MysqlRouterStandIn asPercona() {
        meta = StandIns.meta("percona-cluster", false, Map.of("shared-db", StandIns.ep("mysql-shared")), Map.of());
        return this;
    }

    @Override
    public CharmMeta meta() {
        return meta;
    }

    @Override
    public void handle(HookSession s) throws IOException {
        for (Relation r : s.relations("shared-db")) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String unit : s.remoteUnits(r)) {
                Map<String, String> asked = s.unitData(r, unit);
                for (Map.Entry<String, String> e : asked.entrySet()) {
                    String key = e.getKey();
                    if (!key.equals("database") && !key.endsWith("_database")) {
                        continue;
                    }
                    String prefix = key.equals("database") ? "" : key.substring(0, key.length() - "database".length());
                    String database = e.getValue();
                    String user = asked.get(prefix + "username");
                    if (user == null
                            || !database.matches("[A-Za-z0-9_]{1,64}")
                            || !user.matches("[A-Za-z0-9_]{1,32}")) {
                        continue;
                    }
                    String password = StandInSupport.password(cloud, "db." + user);
                    String done = "db.ensured." + user + "@" + database;
                    if (s.state().get(done) == null) {
                        ensure(cloud, database, user, password);
                        s.setState(Map.of(done, "yes"));
                    }
                    out.put("db_host", Machines.HOST);
                    out.put("db_port", "3306");
                    out.put(prefix + "password", password);
                    TreeSet<String> allowed = new TreeSet<>(
                            java.util.Arrays.asList(s.unitData(r, s.unit().name())
                                    .getOrDefault(prefix + "allowed_units", "")
                                    .split("\\s+")));
                    allowed.remove("");
                    allowed.add(unit);
                    out.put(prefix + "allowed_units", String.join(" ", allowed));
                }
            }
            if (!out.isEmpty()) {
                s.setUnitData(r, out);
            }
        }
        StandInSupport.ready(s);
    }

    private static void ensure(ModelCloud cloud, String database, String user, String password) throws IOException {
        StringBuilder sql =
                new StringBuilder("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4;");
        // Machines connect from their bridge addresses: one account for any host.
        sql.append("CREATE USER IF NOT EXISTS '")
                .append(user)
                .append("'@'%' IDENTIFIED BY '")
                .append(password)
                .append("';")
                .append("ALTER USER '")
                .append(user)
                .append("'@'%' IDENTIFIED BY '")
                .append(password)
                .append("';")
                .append("GRANT ALL PRIVILEGES ON `")
                .append(database)
                .append("`.* TO '")
                .append(user)
                .append("'@'%';");
        cloud.mysql(sql.toString());
    }
}
