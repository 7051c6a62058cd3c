package dev.instanceha.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.hooktools.ProcessHookTools;
import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.hooktools.ToolRunner;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.jujuc.HookToolCommands;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One unit as Juju holds it while one event runs in memory. The test's {@link State} becomes the
 * contract runner's unit document, and the runtime's own {@link ProcessHookTools} runs against it
 * with a {@link ToolRunner} that hands argv and stdin to {@link HookToolCommands} in-process (no
 * process, no socket). In-memory tests, contract tests and the local model so share one model of
 * Juju's hook tools, and every in-memory test exercises ProcessHookTools' arguments and parsing.
 */
public final class InMemoryUnit {
    private static final HookToolCommands COMMANDS = new HookToolCommands();

    private final State initial;
    private final ObjectNode unit;
    private final HookTools tools;

    /** @param endpointNames the bindings network-get answers for (else it fails, as in Juju) */
    public InMemoryUnit(State state, Event event, Set<String> endpointNames) {
        this.initial = state;
        this.unit = ContractRunner.unitJson(state);
        ContractRunner.beginHook(unit, event);
        ContractHookContext context = new ContractHookContext(unit, event, endpointNames);
        this.tools = new ProcessHookTools((tool, args, stdin) -> {
            HookToolCommands.Outcome outcome = COMMANDS.run(context, tool, args, stdin);
            return new ToolRunner.ToolResult(outcome.code(), outcome.stdout(), outcome.stderr());
        });
    }

    /** The hook tools a charm's {@code Model} is given for this event. */
    public HookTools hookTools() {
        return tools;
    }

    /** What the event did; relation data, state and ports only count if the hook exited 0. */
    Result result(int exitCode, FakeHost host) {
        JsonNode action = unit.path("action");
        JsonNode appStatus = unit.path("app_status");
        return new Result(
                exitCode,
                exitCode == 0 ? committed() : initial,
                statuses(unit.path("status_history")),
                appStatus.isObject() ? Optional.of(status(appStatus)) : Optional.empty(),
                texts(unit.path("logs")),
                Collections.unmodifiableMap(strings(action.path("results"))),
                text(action.path("failed")),
                texts(action.path("logs")),
                text(unit.path("app_version")),
                texts(unit.path("relation_writes")),
                host);
    }

    private State committed() {
        List<RelationState> relations = new ArrayList<>();
        JsonNode written = unit.path("relations");
        // unitJson wrote the relations in the state's order, and hook tools never add or remove one.
        for (int i = 0; i < initial.relations().size(); i++) {
            relations.add(initial.relations()
                    .get(i)
                    .withLocalUnitData(strings(written.get(i).path("local_unit")))
                    .withLocalAppData(strings(written.get(i).path("local_app"))));
        }
        return new State(
                initial.unit(),
                initial.leader(),
                initial.config(),
                relations,
                strings(unit.path("state")),
                initial.address(),
                texts(unit.path("ports")));
    }

    private static List<Status> statuses(JsonNode history) {
        List<Status> out = new ArrayList<>();
        history.forEach(entry -> out.add(status(entry)));
        return List.copyOf(out);
    }

    /** status-set accepts only the four levels a charm may set, so every entry parses. */
    private static Status status(JsonNode entry) {
        return new Status(
                StatusLevel.parse(entry.path("status").asText()).orElseThrow(),
                entry.path("message").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return List.copyOf(out);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
