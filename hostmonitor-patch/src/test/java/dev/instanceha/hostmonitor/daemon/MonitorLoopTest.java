package dev.instanceha.hostmonitor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.instanceha.hostmonitor.cluster.ClusterNode;
import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.ClusterSource;
import dev.instanceha.hostmonitor.cluster.ClusterSourceException;
import dev.instanceha.hostmonitor.cluster.NodeType;
import dev.instanceha.hostmonitor.notify.NotificationJson;
import dev.instanceha.hostmonitor.notify.Outbox;
import dev.instanceha.hostmonitor.state.HostTracker;
import dev.instanceha.hostmonitor.state.TrackerPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorLoopTest {

    @TempDir
    Path dir;

    private static ClusterSnapshot snap(boolean online, boolean unclean) {
        ClusterNode n = new ClusterNode(
                "compute-1", "compute-1", NodeType.REMOTE, online, false, false, false, unclean, false, false);
        return new ClusterSnapshot(true, true, false, List.of(n), true, List.of());
    }

    @Test
    void aStoppedDecisionLandsInTheOutboxAndWakesTheSender() throws Exception {
        ClusterSource source = mock(ClusterSource.class);
        when(source.read()).thenReturn(snap(true, false), snap(false, true));
        Runnable wake = mock(Runnable.class);
        Outbox outbox = new Outbox(dir, new NotificationJson());
        MonitorLoop loop = new MonitorLoop(
                source,
                new HostTracker(new TrackerPolicy(1, Duration.ZERO, true, Set.of())),
                outbox,
                wake,
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
        loop.cycle();
        assertTrue(outbox.pending().isEmpty());
        loop.cycle();
        assertEquals(1, outbox.pending().size());
        assertEquals("STOPPED", outbox.pending().get(0).notification().event());
        verify(wake, times(1)).run();
    }

    @Test
    void anUnreadableClusterDecidesNothing() throws Exception {
        ClusterSource source = mock(ClusterSource.class);
        when(source.read()).thenReturn(snap(true, false)).thenThrow(new ClusterSourceException("crm_mon exited 102"));
        Outbox outbox = new Outbox(dir, new NotificationJson());
        MonitorLoop loop = new MonitorLoop(
                source,
                new HostTracker(new TrackerPolicy(1, Duration.ZERO, true, Set.of())),
                outbox,
                () -> {},
                Clock.systemUTC());
        loop.cycle();
        for (int i = 0; i < 5; i++) {
            assertTrue(loop.cycle().decisions().isEmpty());
        }
        assertTrue(outbox.pending().isEmpty());
    }

    @Test
    void theDesignatedControllerIsLoggedWhenItChanges() throws Exception {
        ClusterNode dc1 = new ClusterNode(
                "node-1",
                "1",
                NodeType.MEMBER,
                true,
                false,
                false,
                false,
                false,
                false,
                false,
                true,
                true,
                Optional.empty());
        ClusterNode dc2 = new ClusterNode(
                "node-2",
                "2",
                NodeType.MEMBER,
                true,
                false,
                false,
                false,
                false,
                false,
                false,
                true,
                true,
                Optional.empty());
        ClusterSource source = mock(ClusterSource.class);
        when(source.read())
                .thenReturn(
                        new ClusterSnapshot(true, true, false, List.of(dc1), true, List.of()),
                        new ClusterSnapshot(true, true, false, List.of(dc1), true, List.of()),
                        new ClusterSnapshot(true, true, false, List.of(dc2), true, List.of()));
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(MonitorLoop.class.getName());
        log.addHandler(capture);
        try {
            MonitorLoop loop = new MonitorLoop(
                    source,
                    new HostTracker(new TrackerPolicy(1, Duration.ZERO, false, Set.of())),
                    new Outbox(dir, new NotificationJson()),
                    () -> {},
                    Clock.systemUTC());
            loop.cycle();
            loop.cycle();
            loop.cycle();
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(
                List.of("cluster: designated controller is node-1", "cluster: designated controller is node-2"),
                lines.stream().filter(l -> l.contains("designated controller")).toList());
    }
}
