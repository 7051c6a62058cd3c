package dev.instanceha.masakari;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status OpenStack charms show for their mandatory relations, in upstream's words so zaza's
 * target statuses match: blocked "'shared-db' missing, 'amqp' missing", waiting "'amqp' incomplete".
 */
final class RequiredRelations {
    /** Order in which upstream lists them. */
    static final List<String> ORDER = List.of("shared-db", "amqp", "identity-service");

    private RequiredRelations() {
    }

    /** Reports missing/incomplete relations; true when all are complete. */
    static boolean report(HookContext hook, Map<String, ? extends Completeness<?>> relations) {
        List<String> missing = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        Map<String, Completeness<?>> sorted = new TreeMap<>((a, b) -> ORDER.indexOf(a) - ORDER.indexOf(b));
        sorted.putAll(relations);
        sorted.forEach((endpoint, state) -> {
            if (hook.model().relations(endpoint).isEmpty()) {
                missing.add("'" + endpoint + "'");
            } else if (!state.isComplete()) {
                incomplete.add("'" + endpoint + "'");
                hook.log().debug(endpoint + " incomplete: " + state.reason().orElse(""));
            }
        });
        if (!missing.isEmpty()) {
            hook.report(Status.blocked(String.join(", ", missing) + " missing"));
        }
        if (!incomplete.isEmpty()) {
            hook.report(Status.waiting(String.join(", ", incomplete) + " incomplete"));
        }
        return missing.isEmpty() && incomplete.isEmpty();
    }
}
