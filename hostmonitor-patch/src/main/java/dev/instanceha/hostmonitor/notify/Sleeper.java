package dev.instanceha.hostmonitor.notify;

import java.time.Duration;

/** Waiting between retries, replaceable so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
