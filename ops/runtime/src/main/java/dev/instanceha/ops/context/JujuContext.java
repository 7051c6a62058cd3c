package dev.instanceha.ops.context;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Juju says about the current hook or action through {@code JUJU_*} variables.
 * Validated per kind as Juju guarantees it: a relation hook always has its relation and remote
 * application, {@code -departed} always names the departing unit, an action always has a name.
 */
public record JujuContext(
        String dispatchPath,
        String eventName,
        EventKind kind,
        String unitName,
        String modelName,
        String modelUuid,
        Path charmDir,
        String jujuVersion,
        Optional<String> relationName,
        Optional<Integer> relationId,
        Optional<String> remoteApp,
        Optional<String> remoteUnit,
        Optional<String> departingUnit,
        Optional<String> actionName,
        Optional<String> actionUuid,
        Optional<String> principalUnit) {

    /** The application's name: the part of the unit name before the slash. */
    public String appName() {
        return unitName.substring(0, unitName.indexOf('/'));
    }

    public boolean isAction() {
        return kind == EventKind.ACTION;
    }

    /** {@code amqp:12}, the form hook tools take with {@code -r}, for relation events. */
    public Optional<String> relationRef() {
        return relationName.flatMap(name -> relationId.map(id -> name + ":" + id));
    }

    public static JujuContext fromEnvironment() {
        return fromEnvironment(System.getenv(), null);
    }

    /**
     * Parses Juju's environment.
     *
     * @param argv0 the script path when {@code JUJU_DISPATCH_PATH} is absent (old Juju,
     *              {@code hooks/<name>} symlinks, debug-hooks), or null
     * @throws JujuContextException naming the first missing or malformed variable
     */
    public static JujuContext fromEnvironment(Map<String, String> env, String argv0) {
        String unit = required(env, "JUJU_UNIT_NAME");
        if (!unit.matches("[a-z][a-z0-9-]*/\\d+")) {
            throw new JujuContextException("JUJU_UNIT_NAME is not a unit name (app/N): " + unit);
        }
        String dispatchPath = env.getOrDefault("JUJU_DISPATCH_PATH", "");
        if (dispatchPath.isEmpty()) {
            dispatchPath = argv0 == null ? "" : argv0;
        }
        if (dispatchPath.isEmpty()) {
            throw new JujuContextException("JUJU_DISPATCH_PATH is not set");
        }
        Path path = Path.of(dispatchPath);
        String eventName = path.getFileName().toString();
        Path parent = path.getParent();
        boolean action = parent != null && parent.getFileName().toString().equals("actions");
        EventKind kind = action ? EventKind.ACTION : EventKind.ofHook(eventName);

        String charmDir = optional(env, "JUJU_CHARM_DIR")
                .or(() -> optional(env, "CHARM_DIR"))
                .orElseThrow(() -> new JujuContextException("JUJU_CHARM_DIR is not set"));
        Optional<String> relationName = Optional.empty();
        Optional<Integer> relationId = Optional.empty();
        Optional<String> remoteApp = Optional.empty();
        Optional<String> remoteUnit = optional(env, "JUJU_REMOTE_UNIT");
        Optional<String> departing = Optional.empty();
        if (kind.isRelationEvent()) {
            relationName = Optional.of(required(env, "JUJU_RELATION"));
            relationId = Optional.of(parseRelationId(required(env, "JUJU_RELATION_ID")));
            remoteApp = Optional.of(required(env, "JUJU_REMOTE_APP"));
            if (kind == EventKind.RELATION_DEPARTED) {
                departing = Optional.of(required(env, "JUJU_DEPARTING_UNIT"));
            }
        }
        Optional<String> actionName = Optional.empty();
        Optional<String> actionUuid = Optional.empty();
        if (action) {
            actionName = Optional.of(optional(env, "JUJU_ACTION_NAME").orElse(eventName));
            actionUuid = optional(env, "JUJU_ACTION_UUID");
        }
        return new JujuContext(
                dispatchPath,
                eventName,
                kind,
                unit,
                required(env, "JUJU_MODEL_NAME"),
                optional(env, "JUJU_MODEL_UUID").orElse(""),
                Path.of(charmDir),
                optional(env, "JUJU_VERSION").orElse(""),
                relationName,
                relationId,
                remoteApp,
                remoteUnit,
                departing,
                actionName,
                actionUuid,
                optional(env, "JUJU_PRINCIPAL_UNIT"));
    }

    /** {@code amqp:12} or {@code 12} → 12, as the hook tools accept both. */
    static int parseRelationId(String value) {
        String number = value.substring(value.lastIndexOf(':') + 1);
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new JujuContextException("JUJU_RELATION_ID is not a relation id: " + value);
        }
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name).orElseThrow(() -> new JujuContextException(name + " is not set"));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
