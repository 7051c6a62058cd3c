package dev.instanceha.hacluster;

import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.model.RelationView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The full members as the hanode peer relation shows them: this unit plus every peer that
 * announced its node name and is ready. Each unit publishes its own announcement. Two units never
 * share a node name or a ring address in corosync's nodelist: the older unit (lower number, the
 * one already a member) keeps it, the other is left out and named.
 */
final class ClusterMembers {
    static final String HOSTNAME = "hostname";
    static final String READY = "ready";
    static final String MEMBER_READY = "member_ready";

    /**
     * @param nodes the members, this unit first
     * @param conflicts one line per peer left out for a duplicate name or address
     * @param selfConflict why this unit itself is the duplicate (it must not touch corosync then)
     * @param unusable one line per peer that says it is ready but sent a name or address corosync cannot use
     */
    record Members(
            List<CorosyncNode> nodes, List<String> conflicts, Optional<String> selfConflict, List<String> unusable) {}

    private ClusterMembers() {}

    /** What this unit tells its peers (upstream's keys; private-address is Juju's). */
    static Map<String, String> announcement(String nodeName, boolean memberReady) {
        return Map.of(HOSTNAME, nodeName, READY, "True", MEMBER_READY, memberReady ? "True" : "");
    }

    static Members members(String unitName, String nodeName, String address, RelationView peers) {
        record Candidate(String unit, CorosyncNode node) {}
        List<Candidate> candidates = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        candidates.add(new Candidate(unitName, new CorosyncNode(CorosyncNode.idForUnit(unitName), nodeName, address)));
        peers.remoteUnitsData().forEach((unit, data) -> {
            String name = data.getOrDefault(HOSTNAME, "");
            String addr = data.getOrDefault("ingress-address", data.getOrDefault("private-address", ""));
            if (!"True".equalsIgnoreCase(data.get(READY))) {
                return; // not announced yet
            }
            if (!Net.isHost(name) || Net.isIp(name)) {
                unusable.add(unit + ": '" + HOSTNAME + "' is not a host name");
            } else if (!Net.isIp(addr)) {
                unusable.add(unit + ": 'ingress-address' is not an IP address");
            } else {
                candidates.add(new Candidate(unit, new CorosyncNode(CorosyncNode.idForUnit(unit), name, addr)));
            }
        });
        List<Candidate> byAge = new ArrayList<>(candidates);
        byAge.sort(Comparator.comparingInt(c -> c.node().nodeId()));
        List<Candidate> kept = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Optional<String> self = Optional.empty();
        for (Candidate c : byAge) {
            Optional<Candidate> name = kept.stream()
                    .filter(k -> same(k.node().name(), c.node().name()))
                    .findFirst();
            Optional<Candidate> addr = kept.stream()
                    .filter(k -> k.node().address().equals(c.node().address()))
                    .findFirst();
            if (name.isEmpty() && addr.isEmpty()) {
                kept.add(c);
                continue;
            }
            String what = name.isPresent()
                    ? "node name '" + c.node().name() + "'"
                    : "address " + c.node().address();
            String owner = name.orElseGet(addr::get).unit();
            if (c.unit().equals(unitName)) {
                self = Optional.of("This unit's " + what + " is also " + owner + "'s: give this machine a unique "
                        + (name.isPresent() ? "host name" : "address"));
            } else {
                conflicts.add(c.unit() + " announces " + what + ", already " + owner + "'s");
            }
        }
        List<CorosyncNode> nodes = new ArrayList<>();
        candidates.stream().filter(kept::contains).forEach(c -> nodes.add(c.node()));
        return new Members(nodes, conflicts, self, unusable);
    }

    /** Pacemaker and DNS compare node names without case. */
    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
