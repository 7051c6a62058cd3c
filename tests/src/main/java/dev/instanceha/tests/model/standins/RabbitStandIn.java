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

/**
 * rabbitmq-server: for each amqp requester, the user and vhost it asks for in the real RabbitMQ
 * (the host's, relayed on the bridge address), then {@code hostname} and {@code password} back.
 */
final class RabbitStandIn implements StandIn {
    private final ModelCloud cloud;
    private final CharmMeta meta =
            StandIns.meta("rabbitmq-server", false, Map.of("amqp", StandIns.ep("rabbitmq")), Map.of());

    RabbitStandIn(ModelCloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public CharmMeta meta() {
        return meta;
    }

    @Override
    public void handle(HookSession s) throws IOException {
        for (Relation r : s.relations("amqp")) {
            for (String unit : s.remoteUnits(r)) {
                Map<String, String> asked = s.unitData(r, unit);
                String user = asked.get("username");
                String vhost = asked.get("vhost");
                if (user == null
                        || vhost == null
                        || !user.matches("[A-Za-z0-9_.-]{1,64}")
                        || !vhost.matches("[A-Za-z0-9_./-]{1,64}")) {
                    continue;
                }
                String password = StandInSupport.password(cloud, "amqp." + user);
                String done = "amqp.ensured." + user + "@" + vhost;
                if (s.state().get(done) == null) { // rabbitmqctl starts an Erlang VM per call: once is enough
                    ensure(user, vhost, password);
                    s.setState(Map.of(done, "yes"));
                }
                Map<String, String> out = new LinkedHashMap<>();
                out.put("hostname", Machines.HOST);
                out.put("password", password);
                s.setUnitData(r, out);
            }
        }
        StandInSupport.ready(s);
    }

    private static void ensure(String user, String vhost, String password) throws IOException {
        ModelCloud.withStdin("", "rabbitmqctl", "-q", "add_vhost", vhost);
        if (ModelCloud.withStdin(password + "\n", "rabbitmqctl", "-q", "add_user", user) != 0
                && ModelCloud.withStdin(password + "\n", "rabbitmqctl", "-q", "change_password", user) != 0) {
            throw new IOException("rabbitmqctl could not create or update user " + user);
        }
        if (ModelCloud.withStdin("", "rabbitmqctl", "-q", "set_permissions", "-p", vhost, user, ".*", ".*", ".*")
                != 0) {
            throw new IOException("rabbitmqctl could not grant " + user + " on vhost " + vhost);
        }
    }
}
