package dev.instanceha.ops.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Tries a call again after a failure the caller calls transient: at most {@code retries} times,
 * pausing {@code first}, then twice as long each time up to {@code cap}, and never pausing past the
 * deadline (counted from the first attempt). Immutable; the {@code with…} methods return copies.
 * The last failure is rethrown as it was.
 */
public final class Retry {

    /** Waiting between attempts, replaceable so tests never sleep for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;

        Sleeper REAL = pause -> Thread.sleep(pause.toMillis());
    }

    /** One attempt. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    /** Told before each pause: which failure, which retry comes (1-based) out of how many, how long the pause is. */
    @FunctionalInterface
    public interface Listener<E> {
        void retrying(E failure, int retry, int retries, Duration pause);

        static <E> Listener<E> silent() {
            return (failure, retry, retries, pause) -> {};
        }
    }

    private final int retries;
    private final Duration first;
    private final Duration cap;
    private final Duration deadline;
    private final Clock clock;
    private final Sleeper sleeper;

    private Retry(int retries, Duration first, Duration cap, Duration deadline, Clock clock, Sleeper sleeper) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, not " + retries);
        }
        if (first.isNegative() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first pause <= cap, not " + first + " and " + cap);
        }
        this.retries = retries;
        this.first = first;
        this.cap = cap;
        this.deadline = deadline;
        this.clock = Objects.requireNonNull(clock);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /** Up to {@code retries} retries without pauses and without deadline; shape it with the {@code with…} methods. */
    public static Retry times(int retries) {
        return new Retry(retries, Duration.ZERO, Duration.ZERO, null, Clock.systemUTC(), Sleeper.REAL);
    }

    /** Pauses of {@code first}, doubling up to {@code cap}. */
    public Retry withBackoff(Duration first, Duration cap) {
        return new Retry(retries, first, cap, deadline, clock, sleeper);
    }

    /** The same pause every time. */
    public Retry withPause(Duration pause) {
        return withBackoff(pause, pause);
    }

    /** No pause that would end later than {@code total} after the first attempt began. */
    public Retry withDeadline(Duration total, Clock clock) {
        return new Retry(retries, first, cap, Objects.requireNonNull(total), clock, sleeper);
    }

    public Retry withSleeper(Sleeper sleeper) {
        return new Retry(retries, first, cap, deadline, clock, sleeper);
    }

    /** The pause before retry {@code retry} (1-based). */
    public Duration pause(int retry) {
        if (first.isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(Math.max(retry - 1, 0), 62);
        long capMillis = cap.toMillis();
        long millis = first.toMillis();
        for (int i = 0; i < doublings && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with something {@code transient_} rejects, or the
     * retries or the deadline run out; then its last failure propagates. Unchecked exceptions that
     * are not of {@code failureType} are never retried.
     */
    public <T, E extends Exception> T call(
            Class<E> failureType, Attempt<T, E> attempt, Predicate<? super E> transient_, Listener<? super E> listener)
            throws E, InterruptedException {
        Instant end = deadline == null ? null : clock.instant().plus(deadline);
        for (int retry = 1; ; retry++) {
            E failure;
            try {
                return attempt.run();
            } catch (Exception e) {
                if (!failureType.isInstance(e)) {
                    throw (RuntimeException) e; // Attempt declares only E: anything else is unchecked
                }
                failure = failureType.cast(e);
            }
            if (retry > retries || !transient_.test(failure)) {
                throw failure;
            }
            Duration pause = pause(retry);
            if (end != null && clock.instant().plus(pause).isAfter(end)) {
                throw failure;
            }
            listener.retrying(failure, retry, retries, pause);
            if (!pause.isZero()) {
                sleeper.sleep(pause);
            }
        }
    }
}
