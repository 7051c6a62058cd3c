package dev.instanceha.ops.charm;

import java.util.Map;

/**
 * A charm: one {@link #reconcile} that derives everything from the whole model, run in every hook.
 * The few events whose occurrence itself means something get their own, optional, method;
 * there is no deferral: what cannot be done yet shows as a waiting or blocked status and the
 * next hook tries again.
 */
public interface Charm {
    /** Brings the unit to what the model asks for. Must be idempotent. */
    void reconcile(HookContext hook);

    /** First hook of the unit's life, before the first reconcile (e.g. install packages). */
    default void onInstall(HookContext hook) {}

    /** After a new charm revision was unpacked, before reconcile. */
    default void onUpgrade(HookContext hook) {}

    /**
     * The unit is going away ({@code stop}, then {@code remove}); no reconcile follows. The unit
     * then shows {@link CharmRunner#STOPPED} unless this reports a worse status.
     */
    default void onRemove(HookContext hook) {}

    /**
     * A remote unit left a relation or the relation is being removed. The model already excludes
     * the leaving unit (or the whole relation, for {@code -broken}); reconcile runs after this.
     *
     * @param relationId the relation's id
     * @param departingUnit the unit that left, or null for {@code -broken}
     */
    default void onRelationGone(HookContext hook, String endpoint, int relationId, String departingUnit) {}

    /** Actions by name as declared in actions.yaml. */
    default Map<String, Action> actions() {
        return Map.of();
    }

    /** The active message when nothing needs attention. OpenStack charms say "Unit is ready". */
    default String readyMessage() {
        return "Unit is ready";
    }
}
