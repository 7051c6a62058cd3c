package dev.instanceha.interfaces.pacemaker;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.ops.model.RelationSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The remote nodes hacluster sees, by unit: those whose announcement is complete, and why the others
 * are not yet. One bad remote must not hold back the others, so this is not a single Completeness.
 * Unit names sort as Juju numbers them ({@code app/2} before {@code app/10}).
 */
public record RemoteNodes(
        SortedMap<String, RemoteNode> ready, SortedMap<String, String> incomplete, SortedSet<String> malformed) {
    public RemoteNodes {
        ready = Collections.unmodifiableSortedMap(sorted(ready));
        incomplete = Collections.unmodifiableSortedMap(sorted(incomplete));
        TreeSet<String> units = new TreeSet<>(RelationSnapshot.UNIT_ORDER);
        units.addAll(malformed);
        malformed = Collections.unmodifiableSortedSet(units);
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> byUnit) {
        SortedMap<String, V> out = new TreeMap<>(RelationSnapshot.UNIT_ORDER);
        out.putAll(byUnit);
        return out;
    }

    /**
     * @param incomplete why each unit that is not ready is not, naming the key
     * @param malformed the units among those whose data is there but unusable (not merely missing)
     */
    public RemoteNodes(Map<String, RemoteNode> ready, Map<String, String> incomplete, Set<String> malformed) {
        this(sorted(ready), sorted(incomplete), new TreeSet<>(malformed));
    }

    /**
     * Whether resources may run on remotes: the single value all ready remotes agree on (charm-hacluster
     * need_resources_on_remotes). Incomplete when there is none or when they disagree.
     */
    public Completeness<Boolean> enableResources() {
        if (ready.isEmpty()) {
            return Completeness.incomplete("pacemaker-remote: no remote node is ready");
        }
        Map<Boolean, String> byValue = ready.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getValue().enableResources(), Map.Entry::getKey, (a, b) -> a, TreeMap::new));
        if (byValue.size() > 1) {
            return Completeness.incomplete("pacemaker-remote: inconsistent 'enable-resources' (" + byValue.get(true)
                    + " says true, " + byValue.get(false) + " says false)");
        }
        return Completeness.complete(byValue.keySet().iterator().next());
    }
}
