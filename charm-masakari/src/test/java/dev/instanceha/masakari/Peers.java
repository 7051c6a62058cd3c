package dev.instanceha.masakari;

import dev.instanceha.ops.testing.RelationState;
import java.util.Map;

/**
 * Relation data as the upstream peer charms publish it for masakari (research: juju-contract.md
 * §5.1, §5.3, §5.4; anchor-charms.md §2.3): raw strings, Juju's address keys alongside.
 */
final class Peers {
    static final String DB_PASSWORD = "Xb3kQ9zLm2WvT7rP";
    static final String RABBIT_PASSWORD = "Rk4sN8yHq1ZxC6vB";
    static final String SERVICE_PASSWORD = "Wq8x4kHcTRtbk9nM";

    private Peers() {}

    private static Map<String, String> addresses(String ip) {
        return RelationState.addressKeys(ip);
    }

    /** mysql-router subordinate's answer (db_host its local socket address, one allowed unit). */
    static RelationState sharedDb(String allowedUnits) {
        Map<String, String> unit = addresses("127.0.0.1");
        unit.put("db_host", "127.0.0.1");
        unit.put("db_port", "3306");
        unit.put("password", DB_PASSWORD);
        unit.put("allowed_units", allowedUnits);
        return RelationState.of("shared-db", 11, "masakari-mysql-router")
                .withRemoteUnit("masakari-mysql-router/0", unit);
    }

    static RelationState rabbit() {
        Map<String, String> unit = addresses("10.5.0.30");
        unit.put("hostname", "10.5.0.30");
        unit.put("password", RABBIT_PASSWORD);
        return RelationState.of("amqp", 12, "rabbitmq-server").withRemoteUnit("rabbitmq-server/0", unit);
    }

    static RelationState keystone() {
        Map<String, String> unit = addresses("10.5.0.20");
        unit.put("auth_host", "10.5.0.20");
        unit.put("auth_port", "35357");
        unit.put("auth_protocol", "http");
        unit.put("service_host", "10.5.0.20");
        unit.put("service_port", "5000");
        unit.put("service_protocol", "http");
        unit.put("service_username", "masakari");
        unit.put("service_password", SERVICE_PASSWORD);
        unit.put("service_tenant", "services");
        unit.put("service_tenant_id", "0f5e3d6a3b3e4d47a1f0c7c0d8a3b2e1");
        unit.put("service_domain", "service_domain");
        unit.put("api_version", "3");
        unit.put("ca_cert", "__null__");
        unit.put("https_keystone", "__null__");
        return RelationState.of("identity-service", 13, "keystone").withRemoteUnit("keystone/0", unit);
    }

    static RelationState peers() {
        return RelationState.of("cluster", 1, "masakari");
    }
}
