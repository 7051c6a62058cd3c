package dev.instanceha.interfaces.amqp;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.interfaces.tls.KeyPairCheck;
import dev.instanceha.ops.model.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The requiring side of interface {@code rabbitmq} (endpoint {@code amqp}). Following charm-helpers'
 * AMQPContext: every rabbitmq unit that published the password and an address is a broker; a
 * clustered deployment with a VIP is reached through the VIP only.
 */
public final class AmqpRequirer {
    public static final String ENDPOINT = "amqp";

    private final Endpoint endpoint;

    public AmqpRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Asks for the user and vhost. */
    public void request(AmqpRequest request) {
        endpoint.publish(request.unitData());
    }

    /** The broker access for {@code request}'s user and vhost, once a rabbitmq unit granted it. */
    public Completeness<AmqpConnection> read(AmqpRequest request) {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        List<RemoteUnit> units = RemoteUnit.all(endpoint.relations());
        if (units.isEmpty()) {
            return Completeness.incomplete(ENDPOINT + ": no remote unit has joined");
        }
        List<Broker> ready = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RemoteUnit unit : units) {
            Completeness<Broker> broker = parse(unit, request);
            broker.value().ifPresent(ready::add);
            broker.reason().ifPresent(reasons::add);
        }
        if (ready.isEmpty()) {
            return Completeness.incomplete(ENDPOINT + ": " + UnitSelection.joinReasons(reasons));
        }
        // The leader generates the password and the others copy it: a unit still showing another
        // password lags behind and would refuse our login, so it is left out of the URL.
        Broker first = ready.get(0);
        List<Broker> agreeing = ready.stream()
                .filter(b -> b.password().equals(first.password()))
                .toList();
        Optional<Broker> clustered =
                agreeing.stream().filter(b -> b.vip().isPresent()).findFirst();
        TreeSet<String> hosts = new TreeSet<>();
        if (clustered.isPresent()) {
            hosts.add(clustered.get().vip().get());
        } else {
            agreeing.forEach(b -> hosts.add(b.host()));
        }
        Optional<Integer> sslPort =
                agreeing.stream().map(Broker::sslPort).flatMap(Optional::stream).findFirst();
        Optional<String> ca = agreeing.stream()
                .map(Broker::sslCaPem)
                .flatMap(Optional::stream)
                .findFirst();
        boolean haQueues = agreeing.stream().anyMatch(Broker::haQueues);
        return Completeness.complete(new AmqpConnection(
                request.username(),
                endpoint.secret(first.password()),
                request.vhost(),
                new ArrayList<>(hosts),
                sslPort.orElse(AmqpConnection.DEFAULT_PORT),
                sslPort.isPresent(),
                ca,
                haQueues));
    }

    /** One rabbitmq unit's answer. */
    record Broker(
            String host,
            String password,
            Optional<String> vip,
            Optional<Integer> sslPort,
            Optional<String> sslCaPem,
            boolean haQueues) {
        @Override
        public String toString() {
            return "Broker[host=" + host + ", vip=" + vip + "]";
        }
    }

    Completeness<Broker> parse(RemoteUnit unit, AmqpRequest request) {
        FieldReader r = unit.reader();
        String password = r.requiredText(request.key("password"));
        // charm-interface-rabbitmq takes the broker address from private-address; hostname is the
        // same address on rabbitmq-server's access network, used when private-address is absent.
        String host = null;
        if (r.has("private-address")) {
            host = r.requiredHost("private-address");
        } else if (r.has("hostname")) {
            host = r.requiredHost("hostname");
        } else {
            r.problem("missing 'private-address'");
        }
        String brokerHost = host;
        Optional<String> vip = r.flag("clustered") ? r.host("vip") : Optional.empty();
        if (r.flag("clustered") && vip.isEmpty() && r.ok()) {
            r.problem("'clustered' is set but 'vip' is missing");
        }
        Optional<Integer> sslPort = r.port("ssl_port");
        Optional<String> ca = r.base64Pem("ssl_ca");
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(p -> r.problem("'ssl_ca' " + p));
        boolean haQueues = r.has("ha_queues");
        return r.result(() -> new Broker(brokerHost, password, vip, sslPort, ca, haQueues));
    }
}
