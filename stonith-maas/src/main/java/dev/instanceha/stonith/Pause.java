package dev.instanceha.stonith;

import java.time.Duration;

/** The agent's fixed waits (delay, power_wait, stonith_status_sleep); an interrupt ends the action. */
final class Pause {
    private Pause() {}

    static void sleep(Duration duration) throws MaasException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaasException(MaasException.Kind.TIMEOUT, "interrupted");
        }
    }
}
