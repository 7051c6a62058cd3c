package dev.instanceha.hostmonitor.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Sends outbox entries in order, one at a time. An entry leaves the outbox only once Masakari has it
 * (2xx or 409) or refused it for good; a failing head blocks the queue so STOPPED never overtakes
 * STARTED for a host. Runs on its own thread so a slow API never delays cluster monitoring.
 */
public final class OutboxDispatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    private final Outbox outbox;
    private final Delivery delivery;
    private final Duration roundPause;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;

    public OutboxDispatcher(Outbox outbox, Delivery delivery, Duration roundPause) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.roundPause = roundPause;
    }

    /** Tries every pending entry once, in order; returns how many left the outbox. */
    public int drainOnce() throws IOException, InterruptedException {
        int done = 0;
        for (Outbox.Entry e : outbox.pending()) {
            Delivery.Outcome outcome = delivery.deliver(e.notification());
            switch (outcome) {
                case DELIVERED, ALREADY_KNOWN -> outbox.delivered(e);
                case REJECTED -> outbox.reject(e);
                case FAILED -> {
                    return done;
                }
            }
            done++;
        }
        return done;
    }

    /** A new entry was added. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public void stop() {
        running = false;
        wake();
    }

    @Override
    public void run() {
        while (running) {
            try {
                drainOnce();
                synchronized (signal) {
                    if (!woken && running) {
                        signal.wait(Math.max(1, roundPause.toMillis()));
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.severe("outbox dispatch failed: " + e);
                try {
                    Thread.sleep(Math.max(1000, roundPause.toMillis()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
