package dev.instanceha.tests.lab;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for the lab through Awaitility: reads {@code probe} every {@code interval} (the first
 * reading at once) until {@code done} holds, and returns that reading. On timeout the test fails with
 * an AssertionError built from the last reading, so it shows what the lab looked like; an error the
 * probe throws (a daemon that died) ends the wait at once.
 */
public final class Poll {
    private Poll() {}

    public static <T> T until(
            Duration timeout,
            Duration interval,
            Callable<T> probe,
            Predicate<? super T> done,
            Function<? super T, String> failure) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await()
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(interval)
                    .pollInSameThread()
                    .until(
                            () -> {
                                T value = probe.call();
                                last.set(value);
                                return value;
                            },
                            done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(failure.apply(last.get()), e);
        }
    }
}
