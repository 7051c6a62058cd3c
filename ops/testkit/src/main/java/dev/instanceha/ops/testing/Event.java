package dev.instanceha.ops.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A hook or action for a test to run, with the {@code JUJU_*} variables Juju would set for it. */
public record Event(
        String dispatchPath,
        Integer relationId,
        String remoteUnit,
        String departingUnit,
        Map<String, Object> actionParams) {
    public Event {
        actionParams = actionParams == null ? Map.of() : Map.copyOf(actionParams);
    }

    public static Event hook(String name) {
        return new Event("hooks/" + name, null, null, null, null);
    }

    public static Event install() {
        return hook("install");
    }

    public static Event start() {
        return hook("start");
    }

    public static Event configChanged() {
        return hook("config-changed");
    }

    public static Event updateStatus() {
        return hook("update-status");
    }

    public static Event upgradeCharm() {
        return hook("upgrade-charm");
    }

    public static Event leaderElected() {
        return hook("leader-elected");
    }

    public static Event stop() {
        return hook("stop");
    }

    public static Event remove() {
        return hook("remove");
    }

    public static Event relationCreated(RelationState relation) {
        return relation(relation, "created", null, null);
    }

    public static Event relationJoined(RelationState relation, String remoteUnit) {
        return relation(relation, "joined", remoteUnit, null);
    }

    /** {@code remoteUnit} null means the remote application's databag changed. */
    public static Event relationChanged(RelationState relation, String remoteUnit) {
        return relation(relation, "changed", remoteUnit, null);
    }

    public static Event relationDeparted(RelationState relation, String departingUnit) {
        return relation(relation, "departed", departingUnit, departingUnit);
    }

    public static Event relationBroken(RelationState relation) {
        return relation(relation, "broken", null, null);
    }

    public static Event action(String name, Map<String, Object> params) {
        return new Event("actions/" + name, null, null, null, params);
    }

    private static Event relation(RelationState relation, String kind, String remoteUnit, String departing) {
        return new Event(
                "hooks/" + relation.endpoint() + "-relation-" + kind, relation.id(), remoteUnit, departing, null);
    }

    public boolean isAction() {
        return dispatchPath.startsWith("actions/");
    }

    public String name() {
        return dispatchPath.substring(dispatchPath.indexOf('/') + 1);
    }

    /** The environment Juju would give the charm for this event. */
    public Map<String, String> environment(State state, String charmDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JUJU_DISPATCH_PATH", dispatchPath);
        env.put("JUJU_UNIT_NAME", state.unit());
        env.put("JUJU_MODEL_NAME", "test-model");
        env.put("JUJU_MODEL_UUID", "00000000-0000-4000-8000-000000000000");
        env.put("JUJU_CHARM_DIR", charmDir);
        env.put("JUJU_VERSION", "3.6.4");
        env.put("JUJU_HOOK_NAME", isAction() ? "" : name());
        if (relationId != null) {
            RelationState relation = state.relation(relationId)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "event on relation " + relationId + " which is not in the state"));
            env.put("JUJU_RELATION", relation.endpoint());
            env.put("JUJU_RELATION_ID", relation.ref());
            env.put("JUJU_REMOTE_APP", relation.remoteApp());
            if (remoteUnit != null) {
                env.put("JUJU_REMOTE_UNIT", remoteUnit);
            }
            if (departingUnit != null) {
                env.put("JUJU_DEPARTING_UNIT", departingUnit);
            }
        }
        if (isAction()) {
            env.put("JUJU_ACTION_NAME", name());
            env.put("JUJU_ACTION_UUID", "1");
        }
        return env;
    }
}
