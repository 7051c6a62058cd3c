package dev.instanceha.interfaces.amqp;

import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.model.Secret;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Access to the broker(s): one entry per ready rabbitmq unit, or the VIP when it is clustered. */
public record AmqpConnection(
        String username,
        Secret password,
        String vhost,
        List<String> hosts,
        int port,
        boolean ssl,
        Optional<String> sslCaPem,
        boolean haQueues) {
    public static final int DEFAULT_PORT = 5672;

    public AmqpConnection {
        hosts = List.copyOf(hosts);
    }

    /**
     * oslo.messaging's {@code transport_url}: {@code rabbit://u:p@h1:port,u:p@h2:port/vhost}, one
     * credential pair per host, user/password/vhost percent-encoded, IPv6 hosts bracketed.
     */
    public String transportUrl() {
        String credentials = Net.percentEncode(username) + ":" + Net.percentEncode(password.reveal()) + "@";
        return "rabbit://"
                + hosts.stream()
                        .map(h -> credentials + Net.urlHost(h) + ":" + port)
                        .collect(Collectors.joining(",")) + "/" + Net.percentEncode(vhost);
    }

    @Override
    public String toString() {
        return "AmqpConnection[username=" + username + ", password=" + password + ", vhost=" + vhost
                + ", hosts=" + hosts + ", port=" + port + ", ssl=" + ssl + ", sslCa="
                + (sslCaPem.isPresent() ? "present" : "absent") + ", haQueues=" + haQueues + "]";
    }
}
