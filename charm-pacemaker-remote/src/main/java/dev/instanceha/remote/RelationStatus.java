package dev.instanceha.remote;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status for the charm's relations in the OpenStack charms' words (zaza and operators match
 * them): blocked {@code 'juju-info', 'pacemaker-remote' missing}, waiting
 * {@code 'pacemaker-remote' incomplete: <why>}. The reason says what is awaited, never a value.
 */
final class RelationStatus {
    private RelationStatus() {
    }

    /** @param relations endpoint → what reading it gave, in the order the operator should fix them */
    static void report(HookContext hook, Map<String, ? extends Completeness<?>> relations) {
        List<String> missing = new ArrayList<>();
        relations.forEach((endpoint, state) -> {
            if (hook.model().relations(endpoint).isEmpty()) {
                missing.add("'" + endpoint + "'");
            } else if (!state.isComplete()) {
                hook.report(Status.waiting("'" + endpoint + "' incomplete: " + detail(endpoint, state)));
            }
        });
        if (!missing.isEmpty()) {
            hook.report(Status.blocked(String.join(", ", missing) + " missing"));
        }
    }

    /** The interface's reason without its own "endpoint: " prefix, which the status already names. */
    private static String detail(String endpoint, Completeness<?> state) {
        String reason = state.reason().orElse("");
        return reason.startsWith(endpoint + ": ") ? reason.substring(endpoint.length() + 2) : reason;
    }
}
