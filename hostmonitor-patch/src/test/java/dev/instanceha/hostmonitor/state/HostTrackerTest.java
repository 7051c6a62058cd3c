package dev.instanceha.hostmonitor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.cluster.ClusterNode;
import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.FenceEvent;
import dev.instanceha.hostmonitor.cluster.NodeType;
import dev.instanceha.hostmonitor.cluster.ResourceFailure;
import dev.instanceha.hostmonitor.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pure logic: snapshots in, decisions out; time is a fake clock advanced by hand. */
class HostTrackerTest {

    private static final String HOST = "compute-1.maas";
    private Instant now = Instant.parse("2026-11-24T10:00:00.400Z");
    private final List<Notification> sent = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<FenceEvent> fences = new ArrayList<>();
    private final List<ResourceFailure> failures = new ArrayList<>();

    private HostTracker tracker(int samples, int stonithWaitSeconds) {
        return new HostTracker(
                new TrackerPolicy(samples, Duration.ofSeconds(stonithWaitSeconds), true, Set.of("node-1")));
    }

    private static ClusterNode remote(
            boolean online, boolean unclean, boolean standby, boolean maintenance, boolean shutdown) {
        return new ClusterNode(
                HOST, HOST, NodeType.REMOTE, online, standby, maintenance, false, unclean, shutdown, false);
    }

    private static ClusterNode up() {
        return remote(true, false, false, false, false);
    }

    private static ClusterNode lost() {
        return remote(false, true, false, false, false);
    }

    private static ClusterNode down() {
        return remote(false, false, false, false, false);
    }

    private ClusterSnapshot snap(boolean quorate, ClusterNode... nodes) {
        return new ClusterSnapshot(true, quorate, false, List.of(nodes), true, fences, failures);
    }

    /** One poll: the clock moves on by {@code seconds} first. */
    private void poll(HostTracker t, int seconds, ClusterSnapshot s) {
        now = now.plusSeconds(seconds);
        CycleOutcome out = t.observe(s, now);
        decisions.addAll(out.decisions());
        out.decisions().forEach(d -> d.notification().ifPresent(sent::add));
    }

    private void poll(HostTracker t, int seconds, ClusterNode n) {
        poll(t, seconds, snap(true, n));
    }

    private void fenceCompleted(Instant at) {
        fences.add(new FenceEvent(HOST, "reboot", FenceEvent.Status.SUCCESS, "node-2", Optional.of(at)));
    }

    private List<String> events() {
        return sent.stream().map(Notification::event).toList();
    }

    @Test
    void fencedHostGivesExactlyOneStoppedWithTheUpstreamBody() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        poll(t, 2, lost());
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
        fenceCompleted(now.plusSeconds(1));
        poll(t, 2, down());
        poll(t, 2, down());
        poll(t, 60, down());
        assertEquals(List.of("STOPPED"), events());
        Notification n = sent.get(0);
        assertEquals("COMPUTE_HOST", n.type());
        assertEquals(HOST, n.hostname());
        assertEquals(Map.of("event", "STOPPED", "cluster_status", "OFFLINE", "host_status", "NORMAL"), n.payload());
        assertEquals(
                List.of("event", "cluster_status", "host_status"),
                List.copyOf(n.payload().keySet()));
        assertTrue(n.generatedTime().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), n.generatedTime());
        assertEquals(HostPhase.STOPPED_NOTIFIED, t.phase(HOST));
    }

    @Test
    void fenceSeenInTheSamePollAsTheOfflineStateNotifiesAtOnce() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        fenceCompleted(now.plusSeconds(1));
        poll(t, 2, down()); // the unclean phase fell between two polls
        assertEquals(List.of("STOPPED"), events());
    }

    @Test
    void notFencedAndStonithWaitNotPassedSendsNothingThenStonithWaitSends() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        poll(t, 2, lost());
        for (int i = 0; i < 13; i++) {
            poll(t, 2, lost()); // 26 s after the loss
        }
        assertEquals(List.of(), events());
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
        poll(t, 4, lost()); // 30 s
        assertEquals(List.of("STOPPED"), events());
        assertTrue(decisions.get(decisions.size() - 1).reason().contains("stonith_wait=30s"));
    }

    @Test
    void fenceOlderThanTheLastTimeTheHostWasUpDoesNotCount() {
        HostTracker t = tracker(1, 300);
        fenceCompleted(now.minusSeconds(3600));
        poll(t, 0, up());
        poll(t, 2, lost());
        poll(t, 2, down());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
    }

    @Test
    void noQuorumMeansNoDecisionEvenWhenFenced() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        fenceCompleted(now.plusSeconds(1));
        for (int i = 0; i < 50; i++) {
            poll(t, 2, snap(false, down()));
        }
        assertEquals(List.of(), events());
        assertEquals(HostPhase.ONLINE, t.phase(HOST));
        CycleOutcome held = t.observe(new ClusterSnapshot(true, false, false, List.of(down()), true, fences), now);
        assertTrue(held.decisions().isEmpty());
    }

    @Test
    void quorumRegainedLetsTheDecisionThrough() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        CycleOutcome lostQuorum = t.observe(snap(false, lost()), now.plusSeconds(1));
        assertTrue(lostQuorum.clusterNote().orElseThrow().contains("quorum"));
        fenceCompleted(now.plusSeconds(2));
        poll(t, 3, lost());
        poll(t, 2, down());
        assertEquals(List.of("STOPPED"), events());
    }

    @Test
    void flappingShorterThanTheSampleCountSendsNothing() {
        HostTracker t = tracker(3, 0);
        for (int i = 0; i < 3; i++) {
            poll(t, 2, up());
        }
        fenceCompleted(now.plusSeconds(60)); // even a fence would be ignored while samples disagree
        for (int i = 0; i < 10; i++) {
            poll(t, 2, lost());
            poll(t, 2, lost());
            poll(t, 2, up());
        }
        assertEquals(List.of(), events());
        assertEquals(HostPhase.ONLINE, t.phase(HOST));
    }

    @Test
    void enoughEqualSamplesDoNotify() {
        HostTracker t = tracker(3, 0);
        for (int i = 0; i < 3; i++) {
            poll(t, 2, up());
        }
        poll(t, 2, lost());
        poll(t, 2, lost());
        assertEquals(List.of(), events());
        poll(t, 2, lost());
        assertEquals(List.of("STOPPED"), events(), "stonith_wait=0: third equal sample decides");
    }

    @Test
    void backOnlineAfterStoppedSendsStartedOnce() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, lost());
        poll(t, 2, up());
        poll(t, 2, up());
        assertEquals(List.of("STOPPED", "STARTED"), events());
        Notification started = sent.get(1);
        assertEquals(
                Map.of("event", "STARTED", "cluster_status", "ONLINE", "host_status", "NORMAL"), started.payload());
        assertEquals(HostPhase.ONLINE, t.phase(HOST));
    }

    @Test
    void recoveringBeforeTheFenceSendsNothing() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        poll(t, 2, lost());
        poll(t, 2, up());
        poll(t, 60, up());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.ONLINE, t.phase(HOST));
    }

    @Test
    void maintenanceSendsNothing() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, remote(true, false, false, true, false));
        poll(t, 2, remote(false, false, false, true, false));
        poll(t, 60, remote(false, false, false, true, false));
        assertEquals(List.of(), events());
        assertEquals(HostPhase.OFFLINE_QUIET, t.phase(HOST));
    }

    @Test
    void standbySendsNothing() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, remote(true, false, true, false, false));
        poll(t, 2, remote(false, false, true, false, false));
        poll(t, 60, remote(false, false, true, false, false));
        assertEquals(List.of(), events());
    }

    @Test
    void cleanShutdownSendsNothingNorStartedWhenItReturns() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, remote(true, false, false, false, true));
        poll(t, 2, remote(false, false, false, false, true));
        poll(t, 60, remote(false, false, false, false, true));
        assertEquals(HostPhase.OFFLINE_QUIET, t.phase(HOST));
        poll(t, 60, up());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.ONLINE, t.phase(HOST));
    }

    @Test
    void offlineWithoutUncleanOrFenceIsAQuietLeaveButALaterFenceIsReported() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, down());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.OFFLINE_QUIET, t.phase(HOST));
        fenceCompleted(now.plusSeconds(5));
        poll(t, 10, down());
        assertEquals(List.of("STOPPED"), events());
    }

    @Test
    void hostAlreadyDownAtStartIsNotReported() {
        HostTracker t = tracker(1, 0);
        fenceCompleted(now.minusSeconds(10));
        poll(t, 0, lost());
        poll(t, 2, down());
        poll(t, 60, down());
        assertEquals(List.of(), events());
    }

    @Test
    void selfAndMembersAreNotMonitoredWithRestrictToRemotes() {
        HostTracker t = new HostTracker(new TrackerPolicy(1, Duration.ZERO, true, Set.of("compute-2")));
        ClusterNode member =
                new ClusterNode("node-3", "3", NodeType.MEMBER, true, false, false, false, false, false, true);
        ClusterNode self = new ClusterNode(
                "compute-2.maas", "compute-2.maas", NodeType.REMOTE, true, false, false, false, false, false, false);
        t.observe(snap(true, member, self), now);
        ClusterNode memberLost =
                new ClusterNode("node-3", "3", NodeType.MEMBER, false, false, false, false, true, false, true);
        ClusterNode selfLost = new ClusterNode(
                "compute-2.maas", "compute-2.maas", NodeType.REMOTE, false, false, false, false, true, false, false);
        CycleOutcome out = t.observe(snap(true, memberLost, selfLost), now.plusSeconds(5));
        assertTrue(out.decisions().isEmpty(), out.decisions().toString());
        assertEquals(HostPhase.UNKNOWN, t.phase("node-3"));
        assertEquals(HostPhase.UNKNOWN, t.phase("compute-2.maas"));
    }

    @Test
    void membersAreMonitoredWithoutRestrictToRemotes() {
        HostTracker t = new HostTracker(new TrackerPolicy(1, Duration.ZERO, false, Set.of("node-1")));
        ClusterNode member =
                new ClusterNode("node-3", "3", NodeType.MEMBER, true, false, false, false, false, false, true);
        ClusterNode memberLost =
                new ClusterNode("node-3", "3", NodeType.MEMBER, false, false, false, false, true, false, true);
        t.observe(snap(true, member), now);
        CycleOutcome out = t.observe(snap(true, memberLost), now.plusSeconds(2));
        assertEquals(
                "STOPPED", out.decisions().get(0).notification().orElseThrow().event());
    }

    @Test
    void everyDecisionNamesHostStatesAndReason() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, lost());
        Decision d = decisions.get(decisions.size() - 1);
        String line = d.logLine();
        assertTrue(line.contains("host=" + HOST), line);
        assertTrue(line.contains("ONLINE -> STOPPED_NOTIFIED"), line);
        assertTrue(line.contains("stonith_wait"), line);
        assertTrue(line.contains("notify STOPPED"), line);
    }

    @Test
    void withFencingDisabledABrokenRemoteConnectionCountsAsALossAndStonithWaitApplies() {
        HostTracker t = tracker(1, 10);
        poll(t, 0, up());
        failures.add(new ResourceFailure(HOST, "monitor", "node-1", Optional.of(now.plusSeconds(1))));
        poll(t, 2, down());
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
        assertTrue(decisions.get(decisions.size() - 1).reason().contains("monitor failed"), decisions.toString());
        poll(t, 5, down());
        assertEquals(List.of(), events());
        poll(t, 5, down());
        assertEquals(List.of("STOPPED"), events());
    }

    @Test
    void startFailuresAndOldMonitorFailuresAreNotEvidence() {
        HostTracker t = tracker(1, 0);
        failures.add(new ResourceFailure(HOST, "monitor", "node-1", Optional.of(now.minusSeconds(600))));
        poll(t, 0, up());
        failures.add(new ResourceFailure(HOST, "start", "node-1", Optional.of(now.plusSeconds(1))));
        failures.add(new ResourceFailure("other-rsc", "monitor", "node-1", Optional.of(now.plusSeconds(1))));
        poll(t, 2, down());
        poll(t, 30, down());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.OFFLINE_QUIET, t.phase(HOST));
    }

    @Test
    void memberThatVanishesWhileExpectedUpIsALossButAnOrderlyLeaveIsNot() {
        HostTracker t = new HostTracker(new TrackerPolicy(1, Duration.ZERO, false, Set.of("node-1")));
        ClusterNode upMember =
                new ClusterNode("node-3", "3", NodeType.MEMBER, true, false, false, false, false, false, true);
        ClusterNode gone =
                new ClusterNode("node-3", "3", NodeType.MEMBER, false, false, false, false, false, false, true);
        ClusterNode left =
                new ClusterNode("node-3", "3", NodeType.MEMBER, false, false, false, false, false, false, false);
        t.observe(snap(true, upMember), now);
        assertEquals(
                "STOPPED",
                t.observe(snap(true, gone), now.plusSeconds(2))
                        .decisions()
                        .get(0)
                        .notification()
                        .orElseThrow()
                        .event());
        HostTracker t2 = new HostTracker(new TrackerPolicy(1, Duration.ZERO, false, Set.of("node-1")));
        t2.observe(snap(true, upMember), now);
        assertTrue(t2.observe(snap(true, left), now.plusSeconds(2))
                .decisions()
                .get(0)
                .notification()
                .isEmpty());
        assertEquals(HostPhase.OFFLINE_QUIET, t2.phase("node-3"));
    }

    @Test
    void aFailedFenceHoldsTheNotificationPastStonithWaitUntilAFenceSucceeds() {
        HostTracker t = tracker(1, 10);
        poll(t, 0, up());
        poll(t, 2, lost());
        fences.add(new FenceEvent(HOST, "reboot", FenceEvent.Status.FAILED, "node-2", Optional.of(now.plusSeconds(1))));
        for (int i = 0; i < 30; i++) {
            poll(t, 2, lost());
        }
        assertEquals(List.of(), events());
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
        assertEquals(
                1,
                decisions.stream()
                        .filter(d -> d.reason().contains("fence failed"))
                        .count(),
                "logged once");
        fenceCompleted(now.plusSeconds(1));
        poll(t, 2, down());
        assertEquals(List.of("STOPPED"), events());
    }

    @Test
    void aFenceStillInProgressHoldsTheNotificationPastStonithWait() {
        HostTracker t = tracker(1, 10);
        poll(t, 0, up());
        poll(t, 2, lost());
        fences.add(new FenceEvent(HOST, "off", FenceEvent.Status.PENDING, "node-2", Optional.empty()));
        for (int i = 0; i < 30; i++) {
            poll(t, 2, lost());
        }
        assertEquals(List.of(), events(), "no STOPPED while the fencer is still powering the host off");
        assertEquals(
                1,
                decisions.stream()
                        .filter(d -> d.reason().contains("fence is still in progress"))
                        .count(),
                "logged once");
        fences.clear();
        fences.add(new FenceEvent(HOST, "off", FenceEvent.Status.FAILED, "node-2", Optional.of(now)));
        poll(t, 2, lost());
        assertEquals(List.of(), events());
        assertEquals(
                1,
                decisions.stream()
                        .filter(d -> d.reason().contains("the fence failed"))
                        .count(),
                "a new reason is logged");
        fenceCompleted(now.plusSeconds(1));
        poll(t, 2, down());
        assertEquals(List.of("STOPPED"), events());
    }

    /** Fail-safe independent of parsing: a failed fence whose completion time is unknown holds. */
    @Test
    void aFailedFenceWithAnUnreadableTimeHoldsPastStonithWait() {
        HostTracker t = tracker(1, 10);
        poll(t, 0, up());
        poll(t, 2, lost());
        fences.add(new FenceEvent(HOST, "reboot", FenceEvent.Status.FAILED, "node-2", Optional.empty()));
        for (int i = 0; i < 30; i++) {
            poll(t, 2, lost());
        }
        assertEquals(List.of(), events(), "the failure may be the current attempt: never STOPPED on stonith_wait");
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
        assertTrue(
                decisions.stream().anyMatch(d -> d.reason().contains("completion time unreadable")),
                decisions.toString());
        fenceCompleted(now.plusSeconds(1));
        poll(t, 2, down());
        assertEquals(List.of("STOPPED"), events(), "a readable success still releases exactly one STOPPED");
        poll(t, 2, down());
        assertEquals(List.of("STOPPED"), events());
    }

    /** A success whose time is unknown could be an old fence: no confirmation, only stonith_wait. */
    @Test
    void aSuccessWithAnUnreadableTimeIsNoConfirmation() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up());
        poll(t, 2, lost());
        fences.add(new FenceEvent(HOST, "reboot", FenceEvent.Status.SUCCESS, "node-2", Optional.empty()));
        poll(t, 2, down());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.SUSPECT, t.phase(HOST));
        for (int i = 0; i < 15; i++) {
            poll(t, 2, down());
        }
        assertEquals(List.of("STOPPED"), events());
        assertTrue(
                decisions.get(decisions.size() - 1).reason().contains("no fence confirmation after stonith_wait"),
                decisions.get(decisions.size() - 1).reason());
    }

    @Test
    void aQuietHostWithAnUnreadableFenceTimeIsNotReported() {
        HostTracker t = tracker(1, 0);
        poll(t, 0, up());
        poll(t, 2, down());
        assertEquals(HostPhase.OFFLINE_QUIET, t.phase(HOST));
        fences.add(new FenceEvent(HOST, "reboot", FenceEvent.Status.SUCCESS, "node-2", Optional.empty()));
        poll(t, 10, down());
        assertEquals(List.of(), events());
    }

    /** Sub-second fence times against the last up-sample (taken at .400 within its second). */
    @Test
    void subSecondFenceTimesAreJudgedByTheSecondOfTheLastUpSample() {
        HostTracker t = tracker(1, 30);
        poll(t, 0, up()); // 10:00:00.400
        fenceCompleted(Instant.parse("2026-11-24T10:00:00.800Z")); // 0.4 s later, same second
        poll(t, 2, down());
        assertEquals(List.of("STOPPED"), events());

        sent.clear();
        fences.clear();
        HostTracker t2 = tracker(1, 30);
        poll(t2, 0, up()); // 10:00:02.400
        fenceCompleted(Instant.parse("2026-11-24T10:00:01.999999Z")); // the second before: older than the last up
        poll(t2, 2, down());
        assertEquals(List.of(), events());
        assertEquals(HostPhase.OFFLINE_QUIET, t2.phase(HOST));
    }

    /**
     * on-fail=standby puts a node in standby because a resource failed there (pacemaker sets standby and
     * standby_onfail together). That is not an operator's planned absence: a loss afterwards is reported.
     */
    @Test
    void standbyAfterAResourceFailureIsNotAnAdministrativeStop() {
        HostTracker t = new HostTracker(new TrackerPolicy(1, Duration.ofSeconds(30), false, Set.of("node-1")));
        ClusterNode upOnFail = new ClusterNode(
                "node-3",
                "3",
                NodeType.MEMBER,
                true,
                true,
                true,
                false,
                false,
                false,
                false,
                true,
                false,
                Optional.empty());
        ClusterNode lostOnFail = new ClusterNode(
                "node-3",
                "3",
                NodeType.MEMBER,
                false,
                true,
                true,
                false,
                false,
                true,
                false,
                true,
                false,
                Optional.empty());
        poll(t, 0, snap(true, upOnFail));
        fences.add(new FenceEvent(
                "node-3", "reboot", FenceEvent.Status.SUCCESS, "node-2", Optional.of(now.plusSeconds(1))));
        poll(t, 2, snap(true, lostOnFail));
        assertEquals(List.of("STOPPED"), events());

        sent.clear();
        fences.clear();
        HostTracker t2 = new HostTracker(new TrackerPolicy(1, Duration.ofSeconds(30), false, Set.of("node-1")));
        ClusterNode upStandby =
                new ClusterNode("node-3", "3", NodeType.MEMBER, true, true, false, false, false, false, true);
        ClusterNode downStandby =
                new ClusterNode("node-3", "3", NodeType.MEMBER, false, true, false, false, false, false, true);
        poll(t2, 0, snap(true, upStandby));
        poll(t2, 2, snap(true, downStandby));
        assertEquals(List.of(), events(), "an operator's standby stays quiet");
        assertEquals(HostPhase.OFFLINE_QUIET, t2.phase("node-3"));
    }

    /** The connection resource of a remote is found by the node's name even when its CIB id differs. */
    @Test
    void aBrokenConnectionIsFoundByTheRemoteNameWhenItsIdDiffers() {
        HostTracker t = tracker(1, 10);
        ClusterNode upRemote =
                new ClusterNode(HOST, "4", NodeType.REMOTE, true, false, false, false, false, false, false);
        ClusterNode downRemote =
                new ClusterNode(HOST, "4", NodeType.REMOTE, false, false, false, false, false, false, false);
        poll(t, 0, upRemote);
        failures.add(new ResourceFailure(HOST, "monitor", "node-1", Optional.of(now.plusSeconds(1))));
        poll(t, 2, downRemote);
        assertEquals(HostPhase.SUSPECT, t.phase(HOST), decisions.toString());
    }
}
