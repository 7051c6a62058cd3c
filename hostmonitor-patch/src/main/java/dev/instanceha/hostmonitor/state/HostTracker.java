package dev.instanceha.hostmonitor.state;

import dev.instanceha.hostmonitor.cluster.ClusterNode;
import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.FenceEvent;
import dev.instanceha.hostmonitor.cluster.NodeType;
import dev.instanceha.hostmonitor.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-host state machine. STOPPED is sent only for a host the cluster lost (seen unclean, fenced
 * since it was last up, its remote connection broke, or a member vanished while expected up), once
 * pacemaker confirms the fence or stonith_wait has passed without a failed fence, and only
 * from a partition with a DC and quorum. Clean shutdowns, standby and maintenance send nothing;
 * STARTED follows only a STOPPED. Not thread-safe: one monitor loop owns it.
 */
public final class HostTracker {

    private final TrackerPolicy policy;
    private final Map<String, HostRecord> hosts = new LinkedHashMap<>();
    private String holdReason;

    public HostTracker(TrackerPolicy policy) {
        this.policy = policy;
    }

    public CycleOutcome observe(ClusterSnapshot snapshot, Instant now) {
        String hold = holdReason(snapshot);
        if (hold != null) {
            boolean changed = !hold.equals(holdReason);
            holdReason = hold;
            return new CycleOutcome(
                    List.of(), changed ? Optional.of("holding all decisions: " + hold) : Optional.empty());
        }
        Optional<String> note = Optional.empty();
        if (holdReason != null) {
            note = Optional.of("resuming decisions (was: " + holdReason + ")");
            holdReason = null;
        }
        List<Decision> decisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClusterNode node : snapshot.nodes()) {
            if (!monitored(node)) {
                continue;
            }
            seen.add(node.name());
            HostRecord rec = hosts.computeIfAbsent(node.name(), n -> new HostRecord(policy.samples()));
            rec.record(node, now);
            step(node.name(), rec, node, snapshot, now).ifPresent(decisions::add);
        }
        hosts.keySet().removeIf(name -> {
            boolean gone = !seen.contains(name);
            if (gone) {
                HostPhase from = hosts.get(name).phase;
                decisions.add(new Decision(
                        name,
                        from,
                        HostPhase.UNKNOWN,
                        "no longer in the cluster's node list; forgotten",
                        Optional.empty()));
            }
            return gone;
        });
        return new CycleOutcome(decisions, note);
    }

    /** Current phase of a host (UNKNOWN if never seen). */
    public HostPhase phase(String host) {
        HostRecord r = hosts.get(host);
        return r == null ? HostPhase.UNKNOWN : r.phase;
    }

    private static String holdReason(ClusterSnapshot s) {
        if (!s.dcPresent()) {
            return "no designated controller (DC)";
        }
        if (!s.quorate()) {
            return "partition has no quorum";
        }
        if (s.maintenanceMode()) {
            return "cluster is in maintenance-mode";
        }
        return null;
    }

    private boolean monitored(ClusterNode n) {
        if (n.type() == NodeType.PING) {
            return false;
        }
        if (policy.restrictToRemotes() && !n.type().isRemoteKind()) {
            return false;
        }
        return !isSelf(n.name());
    }

    private boolean isSelf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String self : policy.selfNames()) {
            String s = self.toLowerCase(Locale.ROOT);
            if (s.equals(lower) || shortName(s).equals(shortName(lower))) {
                return true;
            }
        }
        return false;
    }

    private static String shortName(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private Optional<Decision> step(String host, HostRecord rec, ClusterNode node, ClusterSnapshot snap, Instant now) {
        Optional<Observation> stable = rec.window.stable();
        boolean stableUp = stable.filter(o -> o == Observation.UP).isPresent();
        boolean stableDown = stable.filter(o -> o == Observation.DOWN).isPresent();
        boolean downNow = Observation.of(node) == Observation.DOWN;
        switch (rec.phase) {
            case UNKNOWN -> {
                if (stableUp) {
                    return rec.move(host, HostPhase.ONLINE, "first seen online", null);
                }
                if (stableDown) {
                    return rec.move(
                            host,
                            HostPhase.OFFLINE_QUIET,
                            "first seen offline; a host already down when monitoring starts is not reported",
                            null);
                }
            }
            case ONLINE -> {
                if (!stableDown) {
                    return Optional.empty();
                }
                if (rec.adminSeen) {
                    return rec.move(
                            host,
                            HostPhase.OFFLINE_QUIET,
                            "offline while in standby/maintenance; no notification",
                            null);
                }
                Optional<FenceEvent> fence = fencedSinceUp(rec, snap, host);
                if (rec.shutdownSeen && !rec.uncleanSeen && fence.isEmpty()) {
                    return rec.move(host, HostPhase.OFFLINE_QUIET, "clean shutdown; no notification", null);
                }
                Optional<String> evidence = lossEvidence(rec, node, snap, fence);
                if (evidence.isEmpty()) {
                    return rec.move(
                            host,
                            HostPhase.OFFLINE_QUIET,
                            "offline without being unclean, fenced or losing its"
                                    + " connection: treated as a clean leave; no notification",
                            null);
                }
                rec.suspectSince = rec.downSince != null ? rec.downSince : now;
                return confirmOrWait(host, rec, snap, fence, now, "lost by the cluster (" + evidence.get() + ")");
            }
            case SUSPECT -> {
                if (stableUp) {
                    return rec.move(
                            host,
                            HostPhase.ONLINE,
                            "back online before the fence was confirmed; no notification",
                            null);
                }
                if (node.administrativelyDown()) {
                    return rec.move(
                            host,
                            HostPhase.OFFLINE_QUIET,
                            "put in standby/maintenance while lost; no notification",
                            null);
                }
                if (!downNow) {
                    return Optional.empty();
                }
                return confirmOrWait(host, rec, snap, fencedSinceUp(rec, snap, host), now, null);
            }
            case STOPPED_NOTIFIED -> {
                if (stableUp) {
                    return rec.move(
                            host, HostPhase.ONLINE, "back online after STOPPED", Notification.started(host, now));
                }
            }
            case OFFLINE_QUIET -> {
                if (stableUp) {
                    return rec.move(host, HostPhase.ONLINE, "back online; no STOPPED was sent, so no STARTED", null);
                }
                // A quiet host that pacemaker fences after all was a failure, not a clean leave.
                Optional<FenceEvent> fence = fencedSinceUp(rec, snap, host);
                if (downNow && !node.administrativelyDown() && fence.isPresent()) {
                    return rec.move(
                            host,
                            HostPhase.STOPPED_NOTIFIED,
                            "fenced after going offline: " + describe(fence.get()),
                            Notification.stopped(host, now));
                }
            }
            default -> {}
        }
        return Optional.empty();
    }

    private static String delegate(FenceEvent e) {
        return e.delegate() == null ? "?" : e.delegate();
    }

    private Optional<Decision> confirmOrWait(
            String host,
            HostRecord rec,
            ClusterSnapshot snap,
            Optional<FenceEvent> fence,
            Instant now,
            String entering) {
        String prefix = entering == null ? "" : entering + "; ";
        if (fence.isPresent()) {
            return rec.move(
                    host,
                    HostPhase.STOPPED_NOTIFIED,
                    prefix + "fence confirmed: " + describe(fence.get()),
                    Notification.stopped(host, now));
        }
        Duration waited = Duration.between(rec.suspectSince, now);
        // Fail-safe: without a last-up time every failure counts, and so does one whose time is unreadable.
        Optional<FenceEvent> failed =
                snap.fenceFailedSince(host, rec.lastSeenUp == null ? Instant.MIN : sinceUp(rec.lastSeenUp));
        Optional<FenceEvent> pending = snap.fencePending(host);
        if (waited.compareTo(policy.stonithWait()) >= 0 && (failed.isPresent() || pending.isPresent())) {
            // stonith_wait stands in for a fence we cannot see, not for one that failed or is still
            // running: the host may still run its instances, so evacuating them now would be unsafe.
            // Pacemaker retries failed fences; a success then releases the notification.
            String hold = pending.isPresent()
                    ? "a fence is still in progress (" + pending.get().action() + " by " + delegate(pending.get()) + ")"
                    : "the fence failed (" + failed.get().action() + " by " + delegate(failed.get())
                            + (failed.get().completed().isEmpty() ? ", completion time unreadable" : "") + ")";
            if (!hold.equals(rec.holdLogged)) {
                rec.holdLogged = hold;
                HostPhase from = rec.phase;
                rec.phase = HostPhase.SUSPECT;
                return Optional.of(new Decision(
                        host,
                        from,
                        HostPhase.SUSPECT,
                        prefix + "stonith_wait passed but " + hold + "; holding until a fence succeeds",
                        Optional.empty()));
            }
            return Optional.empty();
        }
        if (waited.compareTo(policy.stonithWait()) >= 0) {
            return rec.move(
                    host,
                    HostPhase.STOPPED_NOTIFIED,
                    prefix + "no fence confirmation after stonith_wait="
                            + policy.stonithWait().toSeconds() + "s (waited " + waited.toSeconds() + "s)",
                    Notification.stopped(host, now));
        }
        if (rec.phase != HostPhase.SUSPECT) {
            return rec.move(
                    host,
                    HostPhase.SUSPECT,
                    prefix + "waiting for the fence, at most stonith_wait="
                            + policy.stonithWait().toSeconds() + "s",
                    null);
        }
        return Optional.empty();
    }

    /**
     * Why the cluster's view says this host failed rather than left. With fencing disabled pacemaker
     * never marks a lost node unclean, so a broken remote connection or a member that vanished while
     * expected up count as well.
     */
    private static Optional<String> lossEvidence(
            HostRecord rec, ClusterNode node, ClusterSnapshot snap, Optional<FenceEvent> fence) {
        if (fence.isPresent()) {
            return Optional.of("fenced");
        }
        if (rec.uncleanSeen) {
            return Optional.of("unclean");
        }
        if (rec.lastSeenUp != null) {
            var lost = snap.connectionLostSince(node, sinceUp(rec.lastSeenUp));
            if (lost.isPresent()) {
                return Optional.of("connection " + lost.get().resource() + " monitor failed on "
                        + lost.get().node());
            }
        }
        if (node.type() == NodeType.MEMBER && node.expectedUp() && !node.shutdown()) {
            return Optional.of("left the membership while expected up");
        }
        return Optional.empty();
    }

    /** Fence must have completed after the host was last seen up. */
    private static Optional<FenceEvent> fencedSinceUp(HostRecord rec, ClusterSnapshot snap, String host) {
        if (rec.lastSeenUp == null) {
            return Optional.empty();
        }
        return snap.fencedSince(host, sinceUp(rec.lastSeenUp));
    }

    /**
     * The start of the second in which the host was last seen up. Pacemaker up to 2.1.5 prints whole
     * seconds (a fence at :40.7 reads :40), 2.1.6 on prints microseconds; comparing against the whole
     * second makes both read the same event the same way: a fence 0.4 s after the last up-sample, in the
     * same second, counts in either format, and one in an earlier second counts in neither.
     */
    private static Instant sinceUp(Instant lastSeenUp) {
        return lastSeenUp.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String describe(FenceEvent e) {
        return e.action() + " by " + (e.delegate() == null ? "?" : e.delegate()) + " completed "
                + e.completed().map(Instant::toString).orElse("?");
    }

    /** Mutable memory of one host, owned by the tracker. */
    private static final class HostRecord {
        final SampleWindow window;
        HostPhase phase = HostPhase.UNKNOWN;
        Instant lastSeenUp;
        Instant downSince;
        Instant suspectSince;
        boolean uncleanSeen;
        boolean shutdownSeen;
        boolean adminSeen;
        /** The reason last logged for holding past stonith_wait (logged again only when it changes). */
        String holdLogged;

        HostRecord(int samples) {
            window = new SampleWindow(samples);
        }

        void record(ClusterNode n, Instant now) {
            Observation o = Observation.of(n);
            window.add(o);
            if (o == Observation.UP) {
                lastSeenUp = now;
                downSince = null;
            } else if (o == Observation.DOWN && downSince == null) {
                downSince = now;
            }
            uncleanSeen |= n.unclean();
            shutdownSeen |= n.shutdown();
            adminSeen |= n.administrativelyDown();
            if (window.stable().filter(s -> s == Observation.UP).isPresent()) {
                // Up and steady: earlier evidence no longer describes this host.
                uncleanSeen = false;
                shutdownSeen = n.shutdown();
                adminSeen = n.administrativelyDown();
            }
        }

        Optional<Decision> move(String host, HostPhase to, String reason, Notification n) {
            HostPhase from = phase;
            phase = to;
            if (to != HostPhase.SUSPECT) {
                suspectSince = null;
                holdLogged = null;
            }
            return Optional.of(new Decision(host, from, to, reason, Optional.ofNullable(n)));
        }
    }
}
