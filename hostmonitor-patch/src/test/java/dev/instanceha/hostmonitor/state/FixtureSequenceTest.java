package dev.instanceha.hostmonitor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.CrmMonXmlParser;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state machine fed with real crm_mon output, in the order a failure or a clean stop produces it. */
class FixtureSequenceTest {

    private final CrmMonXmlParser parser = new CrmMonXmlParser();
    private final HostTracker tracker =
            new HostTracker(new TrackerPolicy(1, Duration.ofSeconds(30), true, Set.of("node-1")));
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");

    private List<String> play(String... fixtures) throws Exception {
        return playOn(tracker, fixtures);
    }

    private List<String> playOn(HostTracker tracker, String... fixtures) throws Exception {
        List<String> notes = new ArrayList<>();
        for (String f : fixtures) {
            ClusterSnapshot s;
            try (InputStream in = getClass().getResourceAsStream("/crm_mon/" + f)) {
                s = parser.parse(in.readAllBytes());
            }
            for (Decision d : tracker.observe(s, now).decisions()) {
                d.notification().ifPresent(n -> notes.add(n.event() + " " + n.hostname()));
            }
            now = now.plusSeconds(3);
        }
        return notes;
    }

    @Test
    void remoteLostThenFencedGivesOneStoppedForThatRemoteOnly() throws Exception {
        assertEquals(
                List.of("STOPPED compute-1.maas"),
                play("healthy.xml", "remote-unclean.xml", "remote-fenced-history.xml", "remote-fenced-history.xml"));
    }

    @Test
    void remoteLostButFenceFailedIsHeldEvenPastStonithWait() throws Exception {
        List<String> fixtures = new ArrayList<>(List.of("healthy.xml", "remote-unclean.xml"));
        for (int i = 0; i < 15; i++) {
            fixtures.add("remote-fence-failed.xml"); // 45 s: well past stonith_wait=30
        }
        assertEquals(List.of(), play(fixtures.toArray(String[]::new)));
        assertEquals(HostPhase.SUSPECT, tracker.phase("compute-1.maas"));
    }

    @Test
    void cleanRemoteStopGivesNothing() throws Exception {
        assertEquals(List.of(), play("healthy.xml", "remote-shutdown.xml", "remote-stopped.xml", "remote-stopped.xml"));
        assertEquals(HostPhase.OFFLINE_QUIET, tracker.phase("compute-2.maas"));
    }

    @Test
    void lossWithoutQuorumGivesNothing() throws Exception {
        assertEquals(List.of(), play("healthy.xml", "no-quorum.xml", "no-quorum.xml"));
    }

    @Test
    void withFencingDisabledALostRemoteIsReportedAfterStonithWait() throws Exception {
        // stonith_wait=30 s, readings 3 s apart: the 11th reading after the loss is past the wait.
        List<String> fixtures = new ArrayList<>(List.of("healthy.xml"));
        for (int i = 0; i < 12; i++) {
            fixtures.add("nostonith-remote-lost.xml");
        }
        assertEquals(List.of("STOPPED compute-1.maas"), play(fixtures.toArray(String[]::new)));
    }

    @Test
    void withFencingDisabledAMemberLossCountsButAnOrderlyStopDoesNot() throws Exception {
        HostTracker all = new HostTracker(new TrackerPolicy(1, Duration.ZERO, false, Set.of("node-1")));
        assertEquals(List.of(), playOn(all, "healthy.xml", "nostonith-member-stopped.xml"));
        HostTracker all2 = new HostTracker(new TrackerPolicy(1, Duration.ZERO, false, Set.of("node-1")));
        assertEquals(List.of("STOPPED node-3"), playOn(all2, "healthy.xml", "nostonith-member-lost.xml"));
    }
}
