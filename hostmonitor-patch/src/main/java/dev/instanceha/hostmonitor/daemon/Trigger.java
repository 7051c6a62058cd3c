package dev.instanceha.hostmonitor.daemon;

import java.time.Duration;

/** What makes the monitor read the cluster again: a timer, or a timer plus change events. */
public interface Trigger extends AutoCloseable {

    /** Returns after at most {@code max}, earlier if something changed. */
    void await(Duration max) throws InterruptedException;

    @Override
    default void close() {}

    static Trigger timer() {
        return max -> Thread.sleep(max.toMillis());
    }
}
