package dev.instanceha.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testcharm.GreeterCharm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory kit, driven through the greeter test charm: this state, this event, that state. */
class CharmTestContextTest {
    static final Path CHARM_DIR = Path.of("src/test/charm/greeter");
    private final CharmTestContext ctx = new CharmTestContext(GreeterCharm::new, CHARM_DIR);
    private final RelationState website =
            RelationState.of("website", 3, "haproxy").withRemoteUnit("haproxy/0", Map.of());
    private final RelationState peers = RelationState.of("peers", 1, "greeter");

    @Test
    void installRecordsStateAndEndsReady() {
        Result out = ctx.run(Event.install(), State.of("greeter/0"));
        assertEquals(0, out.exitCode());
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertEquals(Map.of("installed", "true"), out.state().unitState());
        assertTrue(out.logs().contains("INFO installing greeter"), out.logs().toString());
    }

    @Test
    void publishesToRelationsAndLeaderSharesAToken() {
        State in = State.of("greeter/0")
                .withLeader(true)
                .withAddress("10.251.0.7")
                .withConfig("port", 9000)
                .withRelation(website)
                .withRelation(peers);
        Result out = ctx.run(Event.relationJoined(website, "haproxy/0"), in);
        assertEquals(Map.of("hostname", "10.251.0.7", "port", "9000"), out.localUnitData("website"));
        assertEquals(36, out.localAppData("peers").get("token").length());
    }

    @Test
    void secondRunWritesNothingAndRestartsNothing() {
        FakeHost host = new FakeHost().withRunningService("greeter");
        State in = State.of("greeter/0")
                .withLeader(true)
                .withConfig("greeting-file", "/etc/greeter/greeting")
                .withRelation(website)
                .withRelation(peers);
        Result first = ctx.run(Event.configChanged(), in, host);
        assertEquals(List.of("restart greeter"), host.serviceLog());
        assertFalse(first.relationWrites().isEmpty());
        assertEquals(
                "hello\n",
                host.file(Path.of("/etc/greeter/greeting")).orElseThrow().text());
        assertEquals(
                0640,
                host.file(Path.of("/etc/greeter/greeting")).orElseThrow().spec().mode());
        host.clearLogs();
        Result second = ctx.run(Event.configChanged(), first.state(), host);
        assertEquals(List.of(), second.relationWrites());
        assertEquals(List.of(), host.serviceLog());
        assertEquals(first.state(), second.state());
        Result changed = ctx.run(Event.configChanged(), second.state().withConfig("greeting", "hi"), host);
        assertEquals(0, changed.exitCode());
        assertEquals(List.of("restart greeter"), host.serviceLog());
    }

    @Test
    void badConfigBlocksNamingTheKeyAndWritesNothing() {
        Result out = ctx.run(
                Event.configChanged(),
                State.of("greeter/0").withConfig("port", 70000).withRelation(website));
        assertEquals(0, out.exitCode());
        assertEquals(Status.blocked("config 'port' must be between 1 and 65535, not 70000"), out.unitStatus());
        assertTrue(out.localUnitData("website").isEmpty());
    }

    @Test
    void secretsNeverReachTheLog() {
        Result out = ctx.run(Event.configChanged(), State.of("greeter/0").withConfig("admin-password", "Pa55w0rd!x"));
        assertFalse(out.allLogText().contains("Pa55w0rd!x"), out.allLogText());
        assertTrue(out.allLogText().contains("admin-password=***"), out.allLogText());
    }

    @Test
    void statusMessagesAreRedactedToo() {
        CharmTestContext leaky = new CharmTestContext(
                () -> hook -> {
                    hook.log().secret("Sup3rS3cret");
                    hook.report(
                            dev.instanceha.ops.model.Status.blocked("db said: access denied for password=Sup3rS3cret"));
                },
                CHARM_DIR);
        Result out = leaky.run(Event.configChanged(), State.of("greeter/0"));
        assertEquals(Status.blocked("db said: access denied for password=***"), out.unitStatus());
    }

    @Test
    void nonLeaderWritingAppDataIsAHookErrorAsInJuju() {
        // A charm that ignores leadership: the kit must refuse the write, not silently accept it.
        CharmTestContext careless =
                new CharmTestContext(() -> hook -> hook.endpoint("website").publishApp(Map.of("k", "v")), CHARM_DIR);
        Result out = careless.run(Event.configChanged(), State.of("greeter/0").withRelation(website));
        assertEquals(1, out.exitCode());
        assertTrue(out.allLogText().contains("only the leader may write application data"), out.allLogText());
        assertTrue(out.state().relation("website").localAppData().isEmpty());
    }

    @Test
    void failedHookCommitsNoRelationData() {
        CharmTestContext failing = new CharmTestContext(
                () -> hook -> {
                    hook.endpoint("website").publish(Map.of("k", "v"));
                    hook.model().flush();
                    throw new IllegalStateException("boom after writing");
                },
                CHARM_DIR);
        Result out = failing.run(Event.configChanged(), State.of("greeter/0").withRelation(website));
        assertEquals(1, out.exitCode());
        assertTrue(out.state().relation("website").localUnitData().isEmpty(), "Juju discards a failed hook's writes");
    }

    @Test
    void actionsSetResultsOrFail() {
        Result greeted = ctx.run(Event.action("greet", Map.of("name", "operator")), State.of("greeter/0"));
        assertEquals(Map.of("message", "hello, operator"), greeted.actionResults());
        assertEquals(Optional.empty(), greeted.actionFailure());
        Result failed = ctx.run(Event.action("fail-on-purpose", Map.of()), State.of("greeter/0"));
        assertEquals(0, failed.exitCode());
        assertEquals(Optional.of("failed on purpose"), failed.actionFailure());
        assertEquals(List.of("about to fail"), failed.actionLogs());
        assertTrue(failed.statusHistory().isEmpty(), "actions do not touch the workload status");
    }

    @Test
    void impossibleSetUpsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ctx.run(Event.configChanged(), State.of("other/0")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ctx.run(
                        Event.configChanged(), State.of("greeter/0").withRelation(RelationState.of("db", 9, "mysql"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> ctx.run(Event.configChanged(), State.of("greeter/0").withConfig("port", "8080")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ctx.run(Event.configChanged(), State.of("greeter/0").withConfig("colour", "red")));
        assertThrows(
                IllegalArgumentException.class, () -> ctx.run(Event.action("greet", Map.of()), State.of("greeter/0")));
        assertThrows(
                IllegalArgumentException.class, () -> ctx.run(Event.action("dance", Map.of()), State.of("greeter/0")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ctx.run(Event.relationChanged(website, "haproxy/0"), State.of("greeter/0")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ctx.run(
                        Event.relationChanged(website, "haproxy/9"),
                        State.of("greeter/0").withRelation(website)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ctx.run(
                        Event.configChanged(),
                        State.of("greeter/0").withRelation(website.withLocalAppData(Map.of("k", "v")))));
    }
}
