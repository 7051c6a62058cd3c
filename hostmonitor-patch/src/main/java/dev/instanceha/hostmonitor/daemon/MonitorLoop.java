package dev.instanceha.hostmonitor.daemon;

import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.ClusterSource;
import dev.instanceha.hostmonitor.cluster.ClusterSourceException;
import dev.instanceha.hostmonitor.notify.Notification;
import dev.instanceha.hostmonitor.notify.Outbox;
import dev.instanceha.hostmonitor.state.CycleOutcome;
import dev.instanceha.hostmonitor.state.Decision;
import dev.instanceha.hostmonitor.state.HostTracker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** One cycle = read the cluster, let the tracker decide, log each decision, queue its notification. */
public final class MonitorLoop {

    private static final Logger LOG = Logger.getLogger(MonitorLoop.class.getName());

    private final ClusterSource source;
    private final HostTracker tracker;
    private final Outbox outbox;
    private final Runnable wakeDispatcher;
    private final Clock clock;
    private String lastReadFailure;
    private Optional<String> lastDc = Optional.empty();

    public MonitorLoop(ClusterSource source, HostTracker tracker, Outbox outbox, Runnable wakeDispatcher, Clock clock) {
        this.source = source;
        this.tracker = tracker;
        this.outbox = outbox;
        this.wakeDispatcher = wakeDispatcher;
        this.clock = clock;
    }

    public CycleOutcome cycle() {
        CycleOutcome outcome;
        try {
            ClusterSnapshot snapshot = source.read();
            logDcChange(snapshot);
            outcome = tracker.observe(snapshot, clock.instant());
            if (lastReadFailure != null) {
                LOG.info("cluster status readable again");
                lastReadFailure = null;
            }
        } catch (ClusterSourceException e) {
            // Not being able to look is never evidence that a host is down: decide nothing.
            if (!e.getMessage().equals(lastReadFailure)) {
                LOG.warning("cannot read cluster status, skipping decisions: " + e.getMessage());
            }
            lastReadFailure = e.getMessage();
            return new CycleOutcome(List.of(), Optional.empty());
        }
        outcome.clusterNote().ifPresent(n -> LOG.warning("cluster: " + n));
        boolean queued = false;
        for (Decision d : outcome.decisions()) {
            LOG.info("decision " + d.logLine());
            if (d.notification().isPresent()) {
                queued |= enqueue(d.notification().get());
            }
        }
        if (queued) {
            wakeDispatcher.run();
        }
        return outcome;
    }

    public void run(Trigger trigger, Duration interval) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            cycle();
            trigger.await(interval);
        }
    }

    /** Which node is the DC helps read the decisions next to pacemaker's own logs. */
    private void logDcChange(ClusterSnapshot snapshot) {
        Optional<String> dc = snapshot.dcName();
        if (!dc.equals(lastDc)) {
            LOG.info("cluster: designated controller is " + dc.orElse("(none)"));
            lastDc = dc;
        }
    }

    private boolean enqueue(Notification n) {
        try {
            outbox.add(n);
            return true;
        } catch (IOException e) {
            LOG.severe("cannot store notification " + n.id() + " (" + n.event() + " " + n.hostname()
                    + ") in the outbox: " + e.getMessage());
            return false;
        }
    }
}
