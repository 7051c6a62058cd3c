package dev.instanceha.tests.hostmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.tests.lab.Cluster;
import dev.instanceha.tests.lab.Fencing;
import dev.instanceha.tests.lab.HostMonitorDaemon;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.LabTest;
import dev.instanceha.tests.lab.MaasSim;
import dev.instanceha.tests.lab.Masakari;
import dev.instanceha.tests.lab.NovaSim;
import dev.instanceha.tests.lab.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The host-failure drill on the lab: real pacemaker with fence_maas (stonith-action off), real
 * masakari-api and engine, the Nova simulator, and a host monitor on the cluster member. A remote
 * compute host loses its link; the cluster fences it through MAAS; the monitor tells Masakari, which
 * evacuates the host's server. Then the same failure with the upstream masakari-hostmonitor, for the
 * latency comparison.
 */
@LabTest(computes = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostMonitorLabIT {
    private static final String SEGMENT = "hostmonitor-drill";
    private static final List<String> HOSTS = List.of("compute1", "compute2", "compute3");
    private static final int STONITH_WAIT = 30;

    private static Lab lab;
    private static MaasSim maas;
    private static Cluster cluster;
    private static NovaSim nova;
    private static Masakari.Client api;
    private static Fencing fencing;
    private static HostMonitorDaemon monitor;
    private static Path work;
    private static String segment;
    private static final Map<String, String> HOST_UUIDS = new LinkedHashMap<>();
    private static long javaCutToNotificationMs = -1;

    @BeforeAll
    static void setUp(Lab l, MaasSim m, Cluster c, NovaSim n, Masakari masakari) throws Exception {
        lab = l;
        maas = m;
        cluster = c;
        nova = n;
        api = masakari.admin();
        maas.powerDelay(0);
        for (String h : HOSTS) {
            cluster.awaitOnline(h, true, Duration.ofSeconds(90));
            nova.restoreHost(h);
        }
        api.deleteSegments(SEGMENT);
        segment = api.createSegment(SEGMENT, "auto").get("uuid").asText();
        for (String h : HOSTS) {
            HOST_UUIDS.put(
                    h,
                    api.createHost(segment, h)
                            .expect(201)
                            .json()
                            .at("/host/uuid")
                            .asText());
        }
        fencing = Fencing.enable(lab, maas, "off");
        fencing.clearHistory();
        work = Files.createTempDirectory("hostmonitor-drill");
        monitor = startMonitor(HostMonitorDaemon.Kind.JAVA);
        for (String h : HOSTS) {
            monitor.awaitLog("host=" + h + " UNKNOWN -> ONLINE", Duration.ofSeconds(30));
        }
    }

    private static HostMonitorDaemon startMonitor(HostMonitorDaemon.Kind kind) throws Exception {
        return HostMonitorDaemon.start(lab, kind, work.resolve(kind.name().toLowerCase()), STONITH_WAIT);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (monitor != null) {
            System.out.println("---- " + monitor.kind() + " monitor log (tail) ----\n" + Lab.tail(monitor.log(), 40));
            monitor.close();
        }
        if (fencing != null) {
            fencing.close();
        }
        for (String h : HOSTS) {
            cluster.bringBack(maas, h, Duration.ofSeconds(120));
            nova.restoreHost(h);
        }
        if (api != null) {
            api.deleteSegments(SEGMENT);
        }
    }

    @Test
    @Order(1)
    void aHostThatLosesItsLinkIsFencedReportedOnceAndItsServerEvacuated() throws Exception {
        String vm = nova.addServer("drill-vm", "compute1");
        step("server drill-vm (" + vm + ") runs on compute1; cutting compute1's link");
        Instant cut = Instant.now();
        cluster.cutLink("compute1");

        Instant fenced = fencing.awaitFenced("compute1", "off", cut, Duration.ofSeconds(120));
        step("pacemaker fenced compute1 through fence_maas (MAAS powered it off) at " + fenced);
        JsonNode stopped = awaitEvents("compute1", "STOPPED", cut, 1, Duration.ofSeconds(90))
                .get(0);
        step("masakari-api received COMPUTE_HOST STOPPED for compute1: "
                + stopped.get("notification_uuid").asText());
        Instant generated = Masakari.time(stopped.get("generated_time").asText());
        Instant received = Masakari.time(stopped.get("created_at").asText());
        javaCutToNotificationMs = Duration.between(cut, received).toMillis();
        System.out.printf(
                "DRILL java monitor: link cut -> fence confirmed %d ms, -> notification at masakari-api %d ms%n",
                Duration.between(cut, fenced).toMillis(), javaCutToNotificationMs);
        assertFalse(
                generated.isBefore(fenced),
                "STOPPED generated at " + generated + ", before the fence completed at " + fenced);
        assertEquals("OFFLINE", stopped.at("/payload/cluster_status").asText());
        assertEquals("NORMAL", stopped.at("/payload/host_status").asText());
        assertTrue(
                monitor.log().lines().anyMatch(l -> l.matches(".*host=compute1 .*fence.*\\[notify STOPPED.*")),
                "the monitor's decision names the fence: " + Lab.tail(monitor.log(), 40));

        JsonNode done = api.awaitNotification(stopped.get("notification_uuid").asText(), Duration.ofSeconds(180));
        assertEquals("finished", done.get("status").asText(), done.toString());
        assertNotEquals("compute1", nova.hostOf(vm), "masakari-engine evacuated the server off the fenced host");
        assertEquals("disabled", nova.service("compute1").get("status").asText());
        step("masakari-engine finished: nova-compute on compute1 disabled, drill-vm evacuated to " + nova.hostOf(vm));

        // The operator's part: the host is repaired, taken out of maintenance and powered on.
        api.setOnMaintenance(segment, HOST_UUIDS.get("compute1"), false);
        step("operator: compute1 out of maintenance, powered on through MAAS");
        Instant back = Instant.now();
        maas.powerOn("compute1").expect(200);
        cluster.awaitOnline("compute1", true, Duration.ofSeconds(120));
        awaitEvents("compute1", "STARTED", back, 1, Duration.ofSeconds(60));
        step("compute1 back in the cluster; masakari-api received COMPUTE_HOST STARTED");
        Thread.sleep(5000);
        assertEquals(
                1,
                events("compute1", "STOPPED", cut).size(),
                "exactly one STOPPED: " + api.notificationsOf(HOST_UUIDS.get("compute1")));
        assertEquals(1, events("compute1", "STARTED", cut).size());
        nova.restoreHost("compute1");
    }

    @Test
    @Order(2)
    void aNotificationMadeWhileTheApiIsDownArrivesOnceWhenItReturns() throws Exception {
        Lab.Result stop = lab.script(Duration.ofMinutes(1), true, "service", "stop", "masakari-api");
        assertEquals(0, stop.exitCode(), stop.output());
        Instant apiDown = Instant.now();
        try {
            cluster.cutLink("compute2");
            fencing.awaitFenced("compute2", "off", apiDown, Duration.ofSeconds(120));
            monitor.awaitLogLine(Pattern.compile("host=compute2 .*\\[notify STOPPED"), Duration.ofSeconds(60));
            Thread.sleep(Math.max(
                    0,
                    Duration.ofSeconds(60)
                            .minus(Duration.between(apiDown, Instant.now()))
                            .toMillis()));
            assertEquals(
                    1, monitor.pendingInOutbox(), "the STOPPED notification waits in the outbox while the API is down");
        } finally {
            Lab.Result start = lab.script(Duration.ofMinutes(3), true, "service", "start", "masakari-api");
            assertEquals(0, start.exitCode(), start.output());
        }
        Instant apiUp = Instant.now();
        JsonNode stopped = awaitEvents("compute2", "STOPPED", apiDown, 1, Duration.ofSeconds(90))
                .get(0);
        System.out.printf(
                "DRILL outbox: delivered %d ms after masakari-api came back%n",
                Duration.between(apiUp, Masakari.time(stopped.get("created_at").asText()))
                        .toMillis());
        awaitOutboxEmpty(Duration.ofSeconds(30));
        Thread.sleep(8000);
        assertEquals(1, events("compute2", "STOPPED", apiDown).size(), "delivered exactly once");
        api.awaitNotification(stopped.get("notification_uuid").asText(), Duration.ofSeconds(180));
        recover("compute2");
    }

    @Test
    @Order(3)
    void aCleanStopOfARemoteDaemonIsNotReported() throws Exception {
        Instant stop = Instant.now();
        Lab.Result r = lab.script(Duration.ofMinutes(2), true, "host-power", "stop", "compute3");
        assertEquals(0, r.exitCode(), r.output());
        cluster.awaitOnline("compute3", false, Duration.ofSeconds(60));
        Thread.sleep((STONITH_WAIT + 15) * 1000L);
        assertEquals(List.of(), events("compute3", "STOPPED", stop), "a planned stop is not a failure");
        assertFalse(
                fencing.history("compute3").contains("successful"), "the cluster did not fence a cleanly stopped host");
        assertTrue(monitor.alive(), monitor.log());
        Lab.Result on = lab.script(Duration.ofMinutes(2), true, "host-power", "on", "compute3");
        assertEquals(0, on.exitCode(), on.output());
        cluster.awaitOnline("compute3", true, Duration.ofSeconds(120));
    }

    @Test
    @Order(4)
    void aHostWhoseFenceFailsIsNotReportedUntilAFenceSucceeds() throws Exception {
        maas.failure("compute2", "never_off");
        Instant cut = Instant.now();
        try {
            cluster.cutLink("compute2");
            fencing.awaitHistory("compute2", "failed", Duration.ofSeconds(120));
            monitor.awaitLogLine(
                    Pattern.compile("host=compute2 .*stonith_wait passed but .*holding until a fence succeeds"),
                    Duration.ofSeconds(STONITH_WAIT + 60));
            assertEquals(
                    List.of(),
                    events("compute2", "STOPPED", cut),
                    "the host may still run its servers: no STOPPED while every fence failed");
        } finally {
            maas.failure("compute2", "none");
        }
        // The fencer retries; once MAAS powers the machine off, the monitor reports it.
        Instant fenced = fencing.awaitFenced("compute2", "off", cut, Duration.ofSeconds(180));
        JsonNode stopped = awaitEvents("compute2", "STOPPED", cut, 1, Duration.ofSeconds(60))
                .get(0);
        assertFalse(Masakari.time(stopped.get("generated_time").asText()).isBefore(fenced));
        api.awaitNotification(stopped.get("notification_uuid").asText(), Duration.ofSeconds(180));
        recover("compute2");
    }

    @Test
    @Order(5)
    void theUpstreamMonitorOnTheSameFailureForComparison() throws Exception {
        monitor.close();
        monitor = startMonitor(HostMonitorDaemon.Kind.UPSTREAM);
        monitor.awaitLog("Recognized 'compute1' as a new member", Duration.ofSeconds(60));
        Instant cut = Instant.now();
        cluster.cutLink("compute1");
        Instant fenced = fencing.awaitFenced("compute1", "off", cut, Duration.ofSeconds(120));
        JsonNode stopped = awaitEvents("compute1", "STOPPED", cut, 1, Duration.ofSeconds(120))
                .get(0);
        Instant received = Masakari.time(stopped.get("created_at").asText());
        System.out.printf(
                "DRILL upstream masakari-hostmonitor (restrict_to_remotes, monitoring_interval 1): link cut -> "
                        + "fence confirmed %d ms, -> notification at masakari-api %d ms (%s the fence); java monitor: %d ms%n",
                Duration.between(cut, fenced).toMillis(),
                Duration.between(cut, received).toMillis(),
                received.isBefore(fenced) ? "BEFORE" : "after",
                javaCutToNotificationMs);
        api.awaitNotification(stopped.get("notification_uuid").asText(), Duration.ofSeconds(180));
        recover("compute1");
    }

    private static void step(String what) {
        System.out.println("DRILL " + java.time.LocalTime.now().withNano(0) + " " + what);
    }

    /** Takes a recovered host out of maintenance and powers it back on. */
    private static void recover(String host) throws Exception {
        api.setOnMaintenance(segment, HOST_UUIDS.get(host), false);
        cluster.bringBack(maas, host, Duration.ofSeconds(120));
        nova.restoreHost(host);
    }

    private static void awaitOutboxEmpty(Duration timeout) {
        Poll.until(
                timeout,
                Duration.ofMillis(500),
                monitor::pendingInOutbox,
                pending -> pending == 0,
                pending -> "outbox not drained; monitor log:\n" + Lab.tail(monitor.log(), 40));
    }

    /** COMPUTE_HOST notifications with {@code event} about one of the drill's hosts since {@code since}. */
    private static List<JsonNode> events(String host, String event, Instant since) {
        return api.events(HOST_UUIDS.get(host), event, since);
    }

    private static List<JsonNode> awaitEvents(String host, String event, Instant since, int count, Duration timeout)
            throws InterruptedException {
        return api.awaitEvents(
                HOST_UUIDS.get(host),
                event,
                since,
                count,
                timeout,
                () -> host + "; monitor log:\n" + Lab.tail(monitor.log(), 40));
    }
}
