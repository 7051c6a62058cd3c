package dev.instanceha.hostmonitor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.CrmMonXmlParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state machine fed with one remote's loss and fence, as crm_mon of each pacemaker release prints
 * it (src/test/resources/crm_mon/versions/, written by src/test/fixtures/generate-version-fixtures.sh):
 * whole-second times (2.1.5), microseconds (2.1.6 on), a cluster in UTC+1 (offset form), the 3.0
 * --output-as=xml document. monitoring_samples 1, stonith_wait 30 s, readings 3 s apart.
 * The fixtures' instants (UTC): healthy 17:32:30, monitor failure 17:32:32, reboot succeeded
 * 17:32:34.567890, reboot failed 17:32:40.123456, quiet host fenced 17:32:45.111111, retry
 * succeeded 17:33:20.654321.
 */
class VersionedFenceHistoryTest {

    private static final String HOST = "compute-1.maas";
    private static final Duration STEP = Duration.ofSeconds(3);

    // The machine running the monitor is in the cluster's zone; only ctime forms depend on it.
    private CrmMonXmlParser parser;
    private final HostTracker tracker =
            new HostTracker(new TrackerPolicy(1, Duration.ofSeconds(30), true, Set.of("node-1")));
    private final List<String> notifications = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private Instant now;
    private String shape;

    private void start(String shape, String utcStart) {
        this.shape = shape;
        this.parser = new CrmMonXmlParser(ZoneId.of(shape.endsWith("offset") ? "Europe/Paris" : "UTC"));
        this.now = Instant.parse(utcStart);
    }

    private ClusterSnapshot doc(String name)
            throws IOException, dev.instanceha.hostmonitor.cluster.ClusterSourceException {
        String path = "/crm_mon/versions/" + shape + "/" + name + ".xml";
        try (InputStream in = getClass().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(
                        "missing fixture " + path + " (run src/test/fixtures/generate-version-fixtures.sh)");
            }
            return parser.parse(in.readAllBytes());
        }
    }

    /** One reading of {@code name} at the current time, then the clock moves on by one step. */
    private void read(String name) throws Exception {
        CycleOutcome out = tracker.observe(doc(name), now);
        decisions.addAll(out.decisions());
        out.decisions()
                .forEach(d -> d.notification().ifPresent(n -> notifications.add(n.event() + " " + n.hostname())));
        now = now.plus(STEP);
    }

    private void readUntil(String name, String utcEnd) throws Exception {
        Instant end = Instant.parse(utcEnd);
        while (!now.isAfter(end)) {
            read(name);
        }
    }

    private String lastReason() {
        return decisions.get(decisions.size() - 1).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1.5-legacy", "2.1.6-legacy", "2.1.6-api-offset", "3.0.0-api"})
    void aSuccessfulFenceSendsStoppedAtOnce(String shape) throws Exception {
        start(shape, "2026-11-24T17:32:30.300Z");
        read("healthy");
        read("lost-pending"); // 17:32:33.3
        read("fenced"); // 17:32:36.3: the reboot completed at 17:32:34.567890
        assertEquals(List.of("STOPPED " + HOST), notifications);
        assertTrue(lastReason().contains("fence confirmed"), lastReason());
        readUntil("fenced", "2026-11-24T17:33:30Z");
        assertEquals(1, notifications.size(), "one STOPPED only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1.5-legacy", "2.1.6-legacy", "2.1.6-api-offset", "3.0.0-api"})
    void aFailedFenceHoldsPastStonithWaitAndTheRetrysSuccessReleasesOneStopped(String shape) throws Exception {
        start(shape, "2026-11-24T17:32:30.300Z");
        read("healthy");
        readUntil("lost-pending", "2026-11-24T17:32:40Z");
        readUntil("lost-failed", "2026-11-24T17:33:19Z"); // lost since 17:32:33.3: 45 s, past stonith_wait
        assertEquals(List.of(), notifications, "a failed fence must never let stonith_wait send STOPPED");
        assertEquals(HostPhase.SUSPECT, tracker.phase(HOST));
        assertTrue(decisions.stream().anyMatch(d -> d.reason().contains("the fence failed")), decisions.toString());
        readUntil("fenced-after-failure", "2026-11-24T17:33:40Z"); // the retry succeeded at 17:33:20.654321
        assertEquals(List.of("STOPPED " + HOST), notifications);
        assertTrue(decisions.stream().anyMatch(d -> d.reason().contains("fence confirmed")), decisions.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1.5-legacy", "2.1.6-legacy", "2.1.6-api-offset", "3.0.0-api"})
    void aPendingFenceHoldsPastStonithWait(String shape) throws Exception {
        start(shape, "2026-11-24T17:32:30.300Z");
        read("healthy");
        readUntil("lost-pending", "2026-11-24T17:33:40Z");
        assertEquals(List.of(), notifications);
        assertEquals(HostPhase.SUSPECT, tracker.phase(HOST));
        assertTrue(decisions.stream().anyMatch(d -> d.reason().contains("still in progress")), decisions.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1.5-legacy", "2.1.6-legacy", "2.1.6-api-offset", "3.0.0-api"})
    void aQuietHostThatIsFencedLaterIsReported(String shape) throws Exception {
        start(shape, "2026-11-24T17:32:30.300Z");
        read("healthy");
        readUntil("offline-quiet", "2026-11-24T17:32:46Z");
        assertEquals(HostPhase.OFFLINE_QUIET, tracker.phase(HOST));
        assertEquals(List.of(), notifications);
        readUntil("quiet-then-fenced", "2026-11-24T17:33:10Z"); // fenced at 17:32:45.111111
        assertEquals(List.of("STOPPED " + HOST), notifications);
        assertEquals(HostPhase.STOPPED_NOTIFIED, tracker.phase(HOST));
    }

    /**
     * Last seen up at 17:32:34.167, the reboot completed 0.4 s later in the same second: 2.1.5 prints
     * 17:32:34 (before the sample), 2.1.6 17:32:34.567890 (after it). Both must confirm.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2.1.5-legacy", "2.1.6-legacy", "2.1.6-api-offset", "3.0.0-api"})
    void aFenceInTheSameSecondAsTheLastUpReadingConfirms(String shape) throws Exception {
        start(shape, "2026-11-24T17:32:34.167Z");
        read("healthy");
        read("fenced");
        assertEquals(List.of("STOPPED " + HOST), notifications);
        assertTrue(lastReason().contains("fence confirmed"), lastReason());
    }

    /** Seen up in the second after the fence completed: that fence is older than the loss, in every format. */
    @ParameterizedTest
    @ValueSource(strings = {"2.1.5-legacy", "2.1.6-legacy", "2.1.6-api-offset", "3.0.0-api"})
    void aFenceInTheSecondBeforeTheLastUpReadingDoesNotConfirm(String shape) throws Exception {
        start(shape, "2026-11-24T17:32:35.050Z");
        read("healthy");
        read("fenced"); // completed 17:32:34.567890, 0.48 s before the host was last seen up
        assertEquals(List.of(), notifications);
        assertEquals(
                HostPhase.OFFLINE_QUIET, tracker.phase(HOST), "offline, not unclean, no newer fence: a quiet leave");
    }
}
