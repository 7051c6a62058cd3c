package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.tls.TlsFixtures;
import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed shared-db, amqp and identity-service answers: the unit waits naming the unit and key,
 * never goes active on them, never fails the hook, and renders nothing from them.
 */
class RelationPayloadTest {
    static final String HUGE = "x".repeat(100_000);
    static final String JUNK_PEM_B64 = TlsFixtures.base64(TlsFixtures.JUNK_CERT);
    final CharmTestContext ctx = new CharmTestContext(MasakariCharm::new, MasakariCharmTest.CHARM);

    static Stream<Arguments> badPayloads() {
        Stream.Builder<Arguments> out = Stream.builder();
        db(out, "db_host", "10.0.0.300");
        db(out, "db_host", "not a host!");
        db(out, "db_host", HUGE);
        db(out, "db_port", "abc");
        db(out, "db_port", "70000");
        db(out, "db_port", "-1");
        db(out, "password", null);
        db(out, "password", "pw\n[DEFAULT]\ndebug=true");
        db(out, "allowed_units", "masakari/1");
        db(out, "ssl_ca", JUNK_PEM_B64);
        db(out, "ssl_ca", "%%% not base64");
        db(out, "ssl_cert", TlsFixtures.base64(TlsFixtures.RSA_CERT));
        out.add(Arguments.of(
                "shared-db",
                Map.of(
                        "ssl_ca",
                        TlsFixtures.base64(TlsFixtures.CA),
                        "ssl_cert",
                        TlsFixtures.base64(TlsFixtures.RSA_CERT),
                        "ssl_key",
                        TlsFixtures.base64(TlsFixtures.OTHER_RSA_KEY)),
                "ssl_key"));
        db(out, "wait_timeout", "-5");
        db(out, "cluster-series-upgrading", "True");
        amqp(out, "password", null);
        amqp(out, "password", "pw\r\nx");
        amqp(out, "private-address", "10.0.0.300");
        amqp(out, "private-address", "bad host");
        amqp(out, "ssl_port", "ssl");
        amqp(out, "ssl_ca", JUNK_PEM_B64);
        out.add(Arguments.of("amqp", Map.of("clustered", "yes"), "vip"));
        out.add(Arguments.of("amqp", Map.of("clustered", "yes", "vip", "10.0.0.300"), "vip"));
        keystone(out, "service_port", "0");
        keystone(out, "service_port", "5000.5");
        keystone(out, "service_protocol", "ftp");
        keystone(out, "auth_host", "bad host");
        keystone(out, "auth_host", "10.0.0.300");
        keystone(out, "service_password", null);
        keystone(out, "service_password", "pw\n[DEFAULT]\ndebug=true");
        keystone(out, "service_username", HUGE);
        keystone(out, "service_tenant", "services\u0000");
        keystone(out, "ca_cert", JUNK_PEM_B64);
        keystone(out, "ca_cert", "%%%");
        keystone(out, "admin_token", "-1");
        return out.build();
    }

    private static void db(Stream.Builder<Arguments> out, String key, String value) {
        out.add(Arguments.of("shared-db", single(key, value), key));
    }

    private static void amqp(Stream.Builder<Arguments> out, String key, String value) {
        out.add(Arguments.of("amqp", single(key, value), key));
    }

    private static void keystone(Stream.Builder<Arguments> out, String key, String value) {
        out.add(Arguments.of("identity-service", single(key, value), key));
    }

    private static Map<String, String> single(String key, String value) {
        Map<String, String> m = new TreeMap<>();
        m.put(key, value);
        return m;
    }

    static RelationState mutated(String endpoint, Map<String, String> changes) {
        RelationState good = switch (endpoint) {
            case "shared-db" -> Peers.sharedDb("masakari/0");
            case "amqp" -> Peers.rabbit();
            default -> Peers.keystone();
        };
        String unit = good.remoteUnitsData().keySet().iterator().next();
        Map<String, String> data = new TreeMap<>(good.remoteUnitsData().get(unit));
        changes.forEach((k, v) -> {
            if (v == null) {
                data.remove(k);
            } else {
                data.put(k, v);
            }
        });
        return good.withRemoteUnit(unit, data);
    }

    static State relatedWith(RelationState bad) {
        return MasakariCharmTest.related(true).withoutRelation(bad.id()).withRelation(bad);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badPayloads")
    void badPayloadWaitsNamingTheKeyAndIsNeverActive(String endpoint, Map<String, String> changes, String key) {
        FakeHost host = MasakariCharmTest.debianHost();
        RelationState bad = mutated(endpoint, changes);
        Result out = ctx.run(
                Event.relationChanged(
                        bad, bad.remoteUnitsData().keySet().iterator().next()),
                relatedWith(bad),
                host);
        assertEquals(0, out.exitCode(), out.allLogText());
        Status status = out.unitStatus();
        assertNotEquals(StatusLevel.ACTIVE, status.level(), status.message());
        assertTrue(status.message().startsWith("'" + endpoint + "' incomplete: "), status.message());
        assertTrue(status.message().contains("'" + key + "'"), status.message());
        assertTrue(status.message().lines().count() == 1 && status.message().length() <= 300, status.message());
        for (String secret : List.of(Peers.DB_PASSWORD, Peers.RABBIT_PASSWORD, Peers.SERVICE_PASSWORD)) {
            assertFalse(status.message().contains(secret));
        }
        assertTrue(host.file(MasakariConfFile.PATH).isEmpty(), "nothing rendered from a bad payload");
    }

    @Test
    void departingKeystoneUnitLeavesTheUnitWaitingNotActive() {
        FakeHost host = MasakariCharmTest.debianHost();
        State ready = ctx.run(Event.configChanged(), MasakariCharmTest.related(true), host)
                .state();
        Result out = ctx.run(Event.relationDeparted(ready.relation("identity-service"), "keystone/0"), ready, host);
        assertEquals(Status.waiting("'identity-service' incomplete: no remote unit has joined"), out.unitStatus());
    }

    @Test
    void aBadUnitBesideAGoodOneIsNotUsed() {
        RelationState rabbit = Peers.rabbit();
        Map<String, String> bad = new TreeMap<>(RelationState.addressKeys("10.0.0.300"));
        bad.put("password", "other");
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = ctx.run(Event.configChanged(), relatedWith(rabbit.withRemoteUnit("rabbitmq-server/1", bad)), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        String conf = host.file(MasakariConfFile.PATH).orElseThrow().text();
        assertTrue(
                conf.contains(
                        "transport_url = rabbit://masakari:" + Peers.RABBIT_PASSWORD + "@10.5.0.30:5672/masakari\n"),
                conf);
    }

    @Test
    void remoteAppDataIsNotReadSoItCannotOverrideUnitData() {
        RelationState keystone = Peers.keystone()
                .withRemoteAppData(Map.of("service_host", "10.0.0.300", "service_password", "from-app-bag"));
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = ctx.run(Event.configChanged(), relatedWith(keystone), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertFalse(host.file(MasakariConfFile.PATH).orElseThrow().text().contains("from-app-bag"));
    }
}
