package dev.instanceha.hostmonitor.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cluster as one crm_mon run saw it.
 *
 * @param dcPresent          a designated controller exists (else nothing is decided cluster-wide)
 * @param quorate            {@code current_dc with_quorum="true"}
 * @param maintenanceMode    cluster property maintenance-mode
 * @param fenceHistoryKnown  the document carried a fence history section (the fencer answered)
 * @param failures           crm_mon's failed resource actions
 */
public record ClusterSnapshot(
        boolean dcPresent,
        boolean quorate,
        boolean maintenanceMode,
        List<ClusterNode> nodes,
        boolean fenceHistoryKnown,
        List<FenceEvent> fenceHistory,
        List<ResourceFailure> failures) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        fenceHistory = List.copyOf(fenceHistory);
        failures = List.copyOf(failures);
    }

    public ClusterSnapshot(
            boolean dcPresent,
            boolean quorate,
            boolean maintenanceMode,
            List<ClusterNode> nodes,
            boolean fenceHistoryKnown,
            List<FenceEvent> fenceHistory) {
        this(dcPresent, quorate, maintenanceMode, nodes, fenceHistoryKnown, fenceHistory, List.of());
    }

    /**
     * A failed monitor of the node's connection resource at or after {@code since}: an established
     * connection broke. Start failures are left out: they also follow a clean leave (reconnect attempts).
     */
    public Optional<ResourceFailure> connectionLostSince(ClusterNode node, Instant since) {
        if (node.connectionResource().isEmpty()) {
            return Optional.empty();
        }
        String rsc = node.connectionResource().get();
        return failures.stream()
                .filter(f -> f.resource().equals(rsc) && f.task().equals("monitor"))
                .filter(f ->
                        f.lastRcChange().isPresent() && !f.lastRcChange().get().isBefore(since))
                .findFirst();
    }

    /** The node of this name, if crm_mon listed it. */
    public Optional<ClusterNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Listed and online; an unknown node is not online. */
    public boolean online(String name) {
        return node(name).map(ClusterNode::online).orElse(false);
    }

    /** Every fence event of {@code target} (any action) with this status, in history order. */
    public List<FenceEvent> fenceEvents(String target, FenceEvent.Status status) {
        return eventsFor(target).filter(e -> e.status() == status).toList();
    }

    /** The designated controller's node name ({@code is_dc}), for logs. */
    public Optional<String> dcName() {
        return nodes.stream().filter(ClusterNode::dc).map(ClusterNode::name).findFirst();
    }

    /** Only a partition with a DC and quorum may declare other nodes dead. */
    public boolean authoritative() {
        return dcPresent && quorate;
    }

    /**
     * A failed off/reboot of {@code host} that may have completed at or after {@code since}: the host is
     * not known to be down. Fail-safe: a failure whose completion time is missing or unreadable counts
     * (it may be the current attempt), so it holds rather than letting stonith_wait release STOPPED.
     */
    public Optional<FenceEvent> fenceFailedSince(String host, Instant since) {
        return eventsFor(host)
                .filter(e ->
                        e.status() == FenceEvent.Status.FAILED && !e.action().equalsIgnoreCase("on"))
                .filter(e -> e.completed().isEmpty() || !e.completed().get().isBefore(since))
                .findFirst();
    }

    /**
     * An off/reboot of {@code host} the fencer is still carrying out. Pending events have no completion
     * time, so their age is not judged: any one holds.
     */
    public Optional<FenceEvent> fencePending(String host) {
        return eventsFor(host)
                .filter(e ->
                        e.status() == FenceEvent.Status.PENDING && !e.action().equalsIgnoreCase("on"))
                .findFirst();
    }

    /**
     * Latest successful off/reboot of {@code host} completed at or after {@code since}. A success whose
     * completion time is missing or unreadable is never a confirmation: it could be an old fence.
     */
    public Optional<FenceEvent> fencedSince(String host, Instant since) {
        return eventsFor(host)
                .filter(FenceEvent::confirmsDown)
                .filter(e -> e.completed().isPresent() && !e.completed().get().isBefore(since))
                .max((a, b) -> a.completed().get().compareTo(b.completed().get()));
    }

    private Stream<FenceEvent> eventsFor(String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        return fenceHistory.stream()
                .filter(e -> e.target().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
