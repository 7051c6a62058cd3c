package dev.instanceha.interfaces.pacemaker;

import dev.instanceha.interfaces.Completeness;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The remote nodes hacluster sees, by unit: those whose announcement is complete, and why the others
 * are not yet. One bad remote must not hold back the others, so this is not a single Completeness.
 */
public record RemoteNodes(SortedMap<String, RemoteNode> ready, SortedMap<String, String> incomplete) {
    public RemoteNodes {
        ready = Collections.unmodifiableSortedMap(new TreeMap<>(ready));
        incomplete = Collections.unmodifiableSortedMap(new TreeMap<>(incomplete));
    }

    /**
     * Whether resources may run on remotes: the single value all ready remotes agree on (charm-hacluster
     * need_resources_on_remotes). Incomplete when there is none or when they disagree.
     */
    public Completeness<Boolean> enableResources() {
        if (ready.isEmpty()) {
            return Completeness.incomplete("pacemaker-remote: no remote node is ready");
        }
        Map<Boolean, String> byValue = ready.entrySet().stream().collect(Collectors.toMap(
                e -> e.getValue().enableResources(), Map.Entry::getKey, (a, b) -> a, TreeMap::new));
        if (byValue.size() > 1) {
            return Completeness.incomplete("pacemaker-remote: inconsistent 'enable-resources' ("
                    + byValue.get(true) + " says true, " + byValue.get(false) + " says false)");
        }
        return Completeness.complete(byValue.keySet().iterator().next());
    }
}
