package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.RemoteResources;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.interfaces.pacemaker.RemoteNodes;
import dev.instanceha.ops.model.RelationSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which remote nodes the cluster registers, so that one unit's bad or hostile data can make
 * the charm wait or block but never take protection away or aim it elsewhere:
 * <ul>
 * <li>a unit whose announcement is incomplete or malformed keeps its last accepted registration
 *     (its record) until it is complete again or departs;</li>
 * <li>a name that is a member's, another remote's, or an id the CIB already uses is refused, and
 *     the unit keeps what it had; the first claimant keeps a name (the recorded owner, then the unit
 *     the CIB already connects to at that address, then Juju's unit order);</li>
 * <li>while some present unit is unreadable and has no record (a charm upgrade from a version that
 *     kept none, or a unit that never announced), no unclaimed connection is removed from the CIB:
 *     it may be that unit's.</li>
 * </ul>
 * Pure: the same inputs give the same registrations, in every hook and on every unit.
 */
final class RemoteRegistry {

    /**
     * @param remotes the nodes to register, sorted by name
     * @param records what the leader stores for the next hook
     * @param refused one line per refused claim: unit, key, name and what it collides with
     * @param kept one line per unit registered from its record because its data is unusable now
     */
    record Outcome(List<RemoteNode> remotes, RemoteRecords records, List<String> refused, List<String> kept) {}

    private RemoteRegistry() {}

    /**
     * @param members the full members' node names
     * @param reservedIds ids the rest of the CIB uses (principal's objects, fencing device, defaults,
     *     properties, anything already in the live configuration that is not a remote's), with what they are
     * @param live the live configuration's remotes by name, and their connection addresses
     */
    static Outcome decide(
            RemoteNodes announced,
            RemoteRecords stored,
            Collection<String> members,
            Map<String, String> reservedIds,
            Map<String, RemoteNode> live) {
        Set<String> present = new java.util.TreeSet<>(RelationSnapshot.UNIT_ORDER);
        present.addAll(announced.ready().keySet());
        present.addAll(announced.incomplete().keySet());

        Map<String, RemoteNode> accepted = new TreeMap<>(RelationSnapshot.UNIT_ORDER);
        Map<String, String> owners = new LinkedHashMap<>(); // id -> unit
        List<String> refused = new ArrayList<>();
        List<String> kept = new ArrayList<>();

        // 1. What was accepted before stays, for every unit still there.
        stored.byUnit().forEach((unit, node) -> {
            if (present.contains(unit) && claimable(node, unit, owners, members, Map.of())) {
                accepted.put(unit, node);
                claims(node).forEach(id -> owners.put(id, unit));
            }
        });

        // 2. New or changed announcements, first-come: the unit the CIB already connects to under
        //    that name at that address, then unit order.
        List<Map.Entry<String, RemoteNode>> claims =
                new ArrayList<>(announced.ready().entrySet());
        claims.removeIf(e -> e.getValue().equals(accepted.get(e.getKey())));
        claims.sort(Comparator.comparing((Map.Entry<String, RemoteNode> e) -> !matchesLive(e.getValue(), live))
                .thenComparing(Map.Entry::getKey, RelationSnapshot.UNIT_ORDER));
        for (Map.Entry<String, RemoteNode> claim : claims) {
            String unit = claim.getKey();
            RemoteNode node = claim.getValue();
            Optional<String> collision = collision(node, unit, owners, members, reservedIds);
            if (collision.isPresent()) {
                refused.add(unit + ": " + collision.get()
                        + (accepted.containsKey(unit)
                                ? "; keeping " + accepted.get(unit).hostname()
                                : ""));
                continue;
            }
            RemoteNode previous = accepted.put(unit, node);
            if (previous != null) {
                claims(previous).forEach(id -> owners.remove(id, unit));
            }
            claims(node).forEach(id -> owners.put(id, unit));
        }

        // 3. Units that cannot be read now.
        boolean unreadableWithoutRecord = false;
        for (String unit : announced.incomplete().keySet()) {
            if (accepted.containsKey(unit)) {
                kept.add(unit + " (keeping " + accepted.get(unit).hostname() + ")");
            } else {
                unreadableWithoutRecord = true;
            }
        }
        List<RemoteNode> remotes = new ArrayList<>(accepted.values());
        if (unreadableWithoutRecord) {
            Set<String> registered = new java.util.HashSet<>();
            remotes.forEach(r -> registered.add(r.hostname()));
            live.forEach((name, node) -> {
                if (!registered.contains(name) && !owners.containsKey(name)) {
                    remotes.add(node);
                }
            });
        }
        remotes.sort(Comparator.comparing(RemoteNode::hostname));
        return new Outcome(List.copyOf(remotes), RemoteRecords.of(accepted), List.copyOf(refused), List.copyOf(kept));
    }

    private static boolean matchesLive(RemoteNode node, Map<String, RemoteNode> live) {
        RemoteNode there = live.get(node.hostname());
        return there != null && there.ip().equals(node.ip());
    }

    private static boolean claimable(
            RemoteNode node,
            String unit,
            Map<String, String> owners,
            Collection<String> members,
            Map<String, String> reservedIds) {
        return collision(node, unit, owners, members, reservedIds).isEmpty();
    }

    /**
     * What the node's name, machine name or ids collide with, in words for the status (key and value
     * first); empty when nothing. Node names and MAAS machine names share one namespace: a remote
     * whose fencing name is another node's name would have fencing power off that other machine.
     */
    private static Optional<String> collision(
            RemoteNode node,
            String unit,
            Map<String, String> owners,
            Collection<String> members,
            Map<String, String> reservedIds) {
        String name = node.hostname();
        String says = "'remote-hostname' '" + name + "' ";
        if (members.stream().anyMatch(m -> m.equalsIgnoreCase(name))) {
            return Optional.of(says + "is a cluster member's name");
        }
        for (String id : RemoteResources.ids(node)) {
            String owner = owners.get(id);
            if (owner != null && !owner.equals(unit)) {
                return Optional.of(says
                        + (id.equals(name)
                                ? "is already registered by " + owner
                                : "collides with the CIB id " + id + " of " + owner + "'s node"));
            }
            if (reservedIds.containsKey(id)) {
                return Optional.of(says + "collides with the CIB id of " + reservedIds.get(id));
            }
        }
        String machineKey = MACHINE + name.toLowerCase(java.util.Locale.ROOT);
        if (owners.containsKey(machineKey) && !owners.get(machineKey).equals(unit)) {
            return Optional.of(says + "is the machine " + owners.get(machineKey) + " is fenced as");
        }
        // Pacemaker compares node names case-insensitively in places; so must we.
        Optional<String> nameOwner = ownerOf(owners, name, unit);
        if (nameOwner.isPresent()) {
            return Optional.of(says + "is already registered by " + nameOwner.get());
        }
        if (node.stonithHostname().isPresent()) {
            String machine = node.stonithHostname().get();
            String machineSays = "'stonith-hostname' '" + machine + "' ";
            if (members.stream().anyMatch(m -> m.equalsIgnoreCase(machine))) {
                return Optional.of(machineSays + "is a cluster member's name");
            }
            Optional<String> other = ownerOf(owners, machine, unit);
            if (other.isPresent()) {
                return Optional.of(machineSays + "is already " + other.get() + "'s");
            }
        }
        return Optional.empty();
    }

    /** Marks machine names in the owners map, apart from CIB ids. */
    private static final String MACHINE = "machine:";

    /** The other unit that holds {@code name} as a node name or as a machine name. */
    private static Optional<String> ownerOf(Map<String, String> owners, String name, String unit) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, String> owned : owners.entrySet()) {
            String key =
                    owned.getKey().startsWith(MACHINE) ? owned.getKey().substring(MACHINE.length()) : owned.getKey();
            if (key.toLowerCase(java.util.Locale.ROOT).equals(lower)
                    && !owned.getValue().equals(unit)) {
                return Optional.of(owned.getValue());
            }
        }
        return Optional.empty();
    }

    /** The keys a registered node holds in the owners map: its CIB ids and its machine name. */
    private static List<String> claims(RemoteNode node) {
        List<String> out = new ArrayList<>(RemoteResources.ids(node));
        node.stonithHostname().ifPresent(m -> out.add(MACHINE + m.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
