package dev.instanceha.ops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.InMemoryUnit;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.State;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static final RelationState AMQP = RelationState.of("amqp", 4, "rabbitmq-server")
            .withRemoteUnit("rabbitmq-server/10", Map.of("hostname", "10.0.0.10"))
            .withRemoteUnit("rabbitmq-server/2", Map.of("hostname", "10.0.0.2"))
            .withRemoteAppData(Map.of("note", "app"));

    private static Model model(State state, Event event) {
        JujuContext context = JujuContext.fromEnvironment(event.environment(state, "/charm"), null);
        HookTools tools = new InMemoryUnit(state, event, Set.of("amqp", "public")).hookTools();
        return new Model(context, tools, ConfigSchema.empty(), secret -> {});
    }

    @Test
    void relationsCarryUnitsInNumericOrderAndAppData() {
        State state = State.of("masakari/0").withRelation(AMQP);
        RelationView amqp = model(state, Event.updateStatus()).relation("amqp").orElseThrow();
        assertEquals(
                List.of("rabbitmq-server/2", "rabbitmq-server/10"),
                List.copyOf(amqp.remoteUnitsData().keySet()));
        assertEquals(Map.of("note", "app"), amqp.remoteAppData());
        assertEquals("rabbitmq-server", amqp.remoteApp());
        assertEquals("amqp:4", amqp.relationRef());
    }

    @Test
    void departingUnitIsAlreadyGone() {
        State state = State.of("masakari/0").withRelation(AMQP);
        RelationView amqp = model(state, Event.relationDeparted(AMQP, "rabbitmq-server/2"))
                .relation("amqp")
                .orElseThrow();
        assertEquals(
                List.of("rabbitmq-server/10"),
                List.copyOf(amqp.remoteUnitsData().keySet()));
    }

    @Test
    void brokenRelationIsAlreadyGone() {
        State state = State.of("masakari/0").withRelation(AMQP);
        assertTrue(model(state, Event.relationBroken(AMQP)).relations("amqp").isEmpty());
        assertEquals(1, model(state, Event.updateStatus()).relations("amqp").size());
    }

    @Test
    void onlyChangedKeysAreWritten() {
        assertEquals(
                Map.of("b", "2", "gone", ""),
                Model.delta(Map.of("a", "1", "gone", "x"), Map.of("a", "1", "b", "2", "gone", "", "never-there", "")));
    }

    @Test
    void nonLeaderCannotPublishAppData() {
        State state = State.of("masakari/0").withRelation(AMQP);
        Model model = model(state, Event.updateStatus());
        RelationView amqp = model.relation("amqp").orElseThrow();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> model.publishApp(amqp, Map.of("k", "v")));
        assertTrue(e.getMessage().contains("amqp:4"));
    }

    @Test
    void unitAddressComesFromTheBinding() {
        State state = State.of("masakari/0").withAddress("10.251.3.4");
        assertEquals("10.251.3.4", model(state, Event.updateStatus()).unitAddress("public"));
    }
}
