package dev.instanceha.monitors;

import static dev.instanceha.interfaces.identity.KeystoneFixtures.identityCredentials;
import static dev.instanceha.monitors.Fixtures.PASSWORD;
import static dev.instanceha.monitors.Fixtures.debianHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed identity-credentials and container answers: the unit waits naming the unit and key,
 * never goes active on them, and the monitors keep running with the configuration they have.
 */
class RelationPayloadTest {
    static final String JUNK_CA = Base64.getEncoder()
            .encodeToString("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQm9ndXM=\n-----END CERTIFICATE-----\n"
                    .getBytes());
    final CharmTestContext ctx =
            new CharmTestContext(() -> new MasakariMonitorsCharm(System.getProperty("java.home")), Fixtures.CHARM);

    static Stream<Arguments> badPayloads() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (String key : List.of(
                "credentials_password",
                "credentials_username",
                "credentials_project",
                "credentials_project_id",
                "api_version",
                "auth_host",
                "credentials_port",
                "private-address")) {
            out.add(Arguments.of(key, null));
        }
        out.add(Arguments.of("credentials_port", "abc"));
        out.add(Arguments.of("credentials_port", "99999"));
        out.add(Arguments.of("auth_port", "-1"));
        out.add(Arguments.of("credentials_protocol", "gopher"));
        out.add(Arguments.of("credentials_host", "10.0.0.300"));
        out.add(Arguments.of("auth_host", "not a host"));
        out.add(Arguments.of("credentials_password", "pw\n[DEFAULT]\ndebug=true"));
        out.add(Arguments.of("credentials_username", "u".repeat(100_000)));
        out.add(Arguments.of("credentials_project", "serv\rices"));
        out.add(Arguments.of("ca_cert", JUNK_CA));
        out.add(Arguments.of("ca_cert", "%%%"));
        out.add(Arguments.of("private-address", "10.0.0.300"));
        return out.build();
    }

    static State withKeystone(Map<String, String> data) {
        return State.of("masakari-monitors/0")
                .withRelation(Fixtures.principal())
                .withRelation(Fixtures.keystone(data));
    }

    static Map<String, String> bad(String key, String value) {
        Map<String, String> data = new TreeMap<>(identityCredentials(PASSWORD));
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, value);
        }
        return data;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badPayloads")
    void badCredentialsWaitNamingTheKeyAndKeepTheRunningMonitors(String key, String value) {
        FakeHost host = debianHost();
        Result good = ctx.run(Event.configChanged(), withKeystone(identityCredentials(PASSWORD)), host);
        assertEquals(Status.active("Unit is ready"), good.unitStatus());
        FakeHost.FakeFile conf = host.file(MonitorsConfFile.PATH).orElseThrow();
        host.clearLogs();

        State state = withKeystone(bad(key, value));
        Result out = ctx.run(Event.relationChanged(state.relation("identity-credentials"), "keystone/0"), state, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        Status status = out.unitStatus();
        assertNotEquals(StatusLevel.ACTIVE, status.level(), status.message());
        assertTrue(status.message().startsWith("'identity-credentials' incomplete: keystone/0: "), status.message());
        assertTrue(status.message().contains("'" + key + "'"), status.message());
        assertTrue(status.message().lines().count() == 1 && status.message().length() <= 300, status.message());
        assertFalse(status.message().contains(PASSWORD));
        assertEquals(conf, host.file(MonitorsConfFile.PATH).orElseThrow(), "the monitors keep their configuration");
        assertEquals(List.of(), host.serviceLog(), "nothing stopped or restarted");
    }

    @Test
    void badPrincipalAddressWaitsNamingIt() {
        FakeHost host = debianHost();
        State state = State.of("masakari-monitors/0")
                .withRelation(RelationState.of("container", 1, "nova-compute")
                        .withRemoteUnit("nova-compute/0", Fixtures.addresses("10.0.0.300")))
                .withRelation(Fixtures.keystone());
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals(
                StatusLevel.WAITING, out.unitStatus().level(), out.unitStatus().message());
        assertTrue(
                out.unitStatus().message().startsWith("'container' incomplete: nova-compute/0: "),
                out.unitStatus().message());
        assertTrue(host.file(MonitorsConfFile.PATH).isEmpty());
    }

    @Test
    void departingKeystoneLeavesTheMonitorsRunningAndTheUnitWaiting() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), withKeystone(identityCredentials(PASSWORD)), host)
                .state();
        host.clearLogs();
        Result out = ctx.run(Event.relationDeparted(ready.relation("identity-credentials"), "keystone/0"), ready, host);
        assertEquals(Status.waiting("'identity-credentials' incomplete: no remote unit has joined"), out.unitStatus());
        assertEquals(List.of(), host.serviceLog());
    }
}
