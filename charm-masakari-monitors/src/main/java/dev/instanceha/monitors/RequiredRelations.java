package dev.instanceha.monitors;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status OpenStack charms show for their mandatory relations, in upstream's words so zaza's
 * target statuses match: blocked "'identity-credentials' missing", waiting "'identity-credentials'
 * incomplete". The reason goes to the debug log, never a value. Same rule as charm-masakari's.
 */
final class RequiredRelations {
    private RequiredRelations() {
    }

    /**
     * @param relations endpoint → what reading it gave, in the order upstream lists them
     * @return true when all are complete
     */
    static boolean report(HookContext hook, Map<String, ? extends Completeness<?>> relations) {
        List<String> missing = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        relations.forEach((endpoint, state) -> {
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
