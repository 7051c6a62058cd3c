package dev.instanceha.ops.testing;

import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.context.JujuContext;
import dev.instanceha.ops.model.ConfigSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * State-transition tests for a charm: this state, this event → that state. Runs the charm
 * in-process through the same {@link CharmRunner} and {@code ProcessHookTools} as production,
 * the tools answered in-process by the contract runner's model of Juju ({@link InMemoryUnit}),
 * on a {@link FakeHost}. Rejects set-ups Juju could never produce.
 *
 * <pre>{@code
 * var ctx = new CharmTestContext(MasakariCharm::new, Path.of("src/main/charm"));
 * Result out = ctx.run(Event.configChanged(), State.of("masakari/0").withLeader(true));
 * assertEquals(Status.blocked("'shared-db' missing"), out.unitStatus());
 * }</pre>
 */
public final class CharmTestContext {
    private final Supplier<? extends Charm> charmFactory;
    private final Path charmDir;
    private final CharmMetadata metadata;
    private final ConfigSchema config;
    private final Set<String> endpointNames;

    /** @param charmDir the directory with metadata.yaml, config.yaml and actions.yaml */
    public CharmTestContext(Supplier<? extends Charm> charmFactory, Path charmDir) {
        this.charmFactory = charmFactory;
        this.charmDir = charmDir.toAbsolutePath();
        this.metadata = CharmMetadata.load(this.charmDir);
        this.config = ConfigSchema.load(this.charmDir.resolve("config.yaml"));
        this.endpointNames = ContractRunner.endpointNames(this.charmDir);
    }

    public Result run(Event event, State state) {
        return run(event, state, new FakeHost());
    }

    /** Runs with a given host, so a test can run several events against the same machine. */
    public Result run(Event event, State state, FakeHost host) {
        checkConsistent(event, state);
        return runUnchecked(event, state, host);
    }

    /**
     * Runs without refusing what Juju would refuse (a missing required action parameter, a config
     * value of the wrong type): for hostile-input tests, as when dispatch is called directly.
     */
    public Result runUnchecked(Event event, State state, FakeHost host) {
        InMemoryUnit unit = new InMemoryUnit(state, event, endpointNames);
        JujuContext context = JujuContext.fromEnvironment(event.environment(state, charmDir.toString()), null);
        int exit = CharmRunner.run(charmFactory.get(), context, unit.hookTools(), host);
        return unit.result(exit, host);
    }

    private void checkConsistent(Event event, State state) {
        if (!state.app().equals(metadata.name())) {
            throw new IllegalArgumentException("unit " + state.unit() + " is not a unit of charm " + metadata.name());
        }
        for (RelationState relation : state.relations()) {
            String role = metadata.endpoints().get(relation.endpoint());
            if (role == null) {
                throw new IllegalArgumentException("metadata.yaml has no endpoint '" + relation.endpoint() + "'");
            }
            if (role.equals("peers") && !relation.remoteApp().equals(state.app())) {
                throw new IllegalArgumentException(
                        "peer relation " + relation.ref() + " must have remote app " + state.app());
            }
            relation.remoteUnitsData().keySet().forEach(unit -> {
                if (!unit.startsWith(relation.remoteApp() + "/")) {
                    throw new IllegalArgumentException("unit " + unit + " is not a unit of " + relation.remoteApp());
                }
            });
            if (!state.leader()
                    && !role.equals("peers")
                    && !relation.localAppData().isEmpty()) {
                throw new IllegalArgumentException("a non-leader cannot have written app data on " + relation.ref());
            }
        }
        for (Map.Entry<String, Object> option : state.config().entrySet()) {
            ConfigSchema.Option declared = config.options().get(option.getKey());
            if (declared == null) {
                throw new IllegalArgumentException("config.yaml has no option '" + option.getKey() + "'");
            }
            if (!typeMatches(declared.type(), option.getValue())) {
                throw new IllegalArgumentException("option '" + option.getKey() + "' is " + declared.type()
                        + " in config.yaml; Juju would never give " + option.getValue());
            }
        }
        if (event.isAction()) {
            List<String> required = metadata.actionsRequired().get(event.name());
            if (required == null) {
                throw new IllegalArgumentException("actions.yaml has no action '" + event.name() + "'");
            }
            required.forEach(param -> {
                if (!event.actionParams().containsKey(param)) {
                    throw new IllegalArgumentException(
                            "Juju refuses action " + event.name() + " without '" + param + "'");
                }
            });
        }
        if (event.relationId() != null) {
            RelationState relation = state.relation(event.relationId())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "event on relation " + event.relationId() + " which is not in the state"));
            if (!event.dispatchPath().startsWith("hooks/" + relation.endpoint() + "-relation-")) {
                throw new IllegalArgumentException(event.dispatchPath() + " does not belong to " + relation.ref());
            }
            if (event.remoteUnit() != null && !relation.remoteUnitsData().containsKey(event.remoteUnit())) {
                throw new IllegalArgumentException(event.remoteUnit() + " is not a unit of " + relation.ref());
            }
        }
    }

    private static boolean typeMatches(ConfigSchema.Type type, Object value) {
        return switch (type) {
            case STRING, SECRET -> value instanceof String;
            case INT -> value instanceof Integer || value instanceof Long;
            case FLOAT -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
        };
    }
}
