package dev.instanceha.interfaces;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status charms show for their mandatory relations, in the OpenStack charms' words so zaza's
 * target statuses and operators' habits match: blocked {@code 'shared-db', 'amqp' missing}, waiting
 * {@code 'amqp' incomplete}. Relations are listed in the map's iteration order (pass a LinkedHashMap
 * in the order the operator should fix them).
 */
public final class RequiredRelations {
    /** How an incomplete relation is shown. */
    public enum Detail {
        /** {@code 'amqp', 'identity-service' incomplete} in one status (upstream's exact text). */
        NAMES,
        /** {@code 'pacemaker-remote' incomplete: <what is awaited>}, one status per relation (never a value). */
        REASONS,
        /**
         * Upstream's text followed by the first relation's reason, which names the unit and key:
         * {@code 'amqp', 'identity-service' incomplete: amqp: rabbitmq-server/0: missing 'password'}.
         */
        NAMES_WITH_REASON
    }

    /** A reason longer than this would crowd out the status line; the log has it in full. */
    static final int MAX_REASON = 200;

    private RequiredRelations() {}

    /** Reports missing (blocked) and incomplete (waiting) relations; true when every one is complete. */
    public static boolean report(HookContext hook, Map<String, ? extends Completeness<?>> relations, Detail detail) {
        List<String> missing = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        relations.forEach((endpoint, state) -> {
            if (!hook.endpoint(endpoint).isRelated()) {
                missing.add("'" + endpoint + "'");
            } else if (!state.isComplete()) {
                incomplete.add("'" + endpoint + "'");
                reasons.add(endpoint + ": " + reasonOf(endpoint, state));
                hook.log().debug(endpoint + " incomplete: " + state.reason().orElse(""));
                if (detail == Detail.REASONS) {
                    hook.report(Status.waiting("'" + endpoint + "' incomplete: " + reasonOf(endpoint, state)));
                }
            }
        });
        if (!missing.isEmpty()) {
            hook.report(Status.blocked(String.join(", ", missing) + " missing"));
        }
        if (!incomplete.isEmpty() && detail == Detail.NAMES) {
            hook.report(Status.waiting(String.join(", ", incomplete) + " incomplete"));
        }
        if (!incomplete.isEmpty() && detail == Detail.NAMES_WITH_REASON) {
            // One incomplete relation is already named in front; with several, say which one the reason is about.
            String reason = incomplete.size() == 1
                    ? reasons.get(0).substring(reasons.get(0).indexOf(": ") + 2)
                    : reasons.get(0);
            reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
            hook.report(Status.waiting(String.join(", ", incomplete) + " incomplete: " + reason));
        }
        return missing.isEmpty() && incomplete.isEmpty();
    }

    /** The interface's reason without its own "endpoint: " prefix, which the status already names. */
    private static String reasonOf(String endpoint, Completeness<?> state) {
        String reason = state.reason().orElse("");
        return reason.startsWith(endpoint + ": ") ? reason.substring(endpoint.length() + 2) : reason;
    }
}
