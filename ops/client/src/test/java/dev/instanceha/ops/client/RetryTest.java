package dev.instanceha.ops.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private Retry.Attempt<String, IOException> failing(int times) {
        return () -> {
            if (attempts.incrementAndGet() <= times) {
                throw new IOException("fail " + attempts.get());
            }
            return "ok after " + attempts.get();
        };
    }

    private Retry.Listener<IOException> listener() {
        return (failure, retry, retries, pause) ->
                told.add(failure.getMessage() + ", retry " + retry + " of " + retries);
    }

    @Test
    void pausesDoubleUpToTheCap() throws Exception {
        Retry retry = Retry.times(6)
                .withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(80))
                .withSleeper(pauses::add);
        assertEquals("ok after 6", retry.call(IOException.class, failing(5), e -> true, listener()));
        assertEquals(
                List.of(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(80)),
                pauses);
        assertEquals("fail 1, retry 1 of 6", told.get(0));
    }

    @Test
    void afterTheRetriesTheLastFailureIsThrown() {
        Retry retry = Retry.times(2).withPause(Duration.ofMillis(5)).withSleeper(pauses::add);
        IOException e = assertThrows(
                IOException.class, () -> retry.call(IOException.class, failing(100), x -> true, listener()));
        assertEquals("fail 3", e.getMessage());
        assertEquals(3, attempts.get(), "one try plus two retries");
        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(5)), pauses);
    }

    @Test
    void aFailureThatIsNotTransientIsNotRetried() {
        Retry retry = Retry.times(5).withSleeper(pauses::add);
        assertThrows(IOException.class, () -> retry.call(IOException.class, failing(100), x -> false, listener()));
        assertEquals(1, attempts.get());
        assertEquals(List.of(), told);
    }

    @Test
    void otherUncheckedExceptionsPassStraightThrough() {
        Retry retry = Retry.times(5).withSleeper(pauses::add);
        IllegalStateException bug = new IllegalStateException("bug");
        Retry.Attempt<String, IOException> attempt = () -> {
            attempts.incrementAndGet();
            throw bug;
        };
        assertSame(
                bug,
                assertThrows(
                        IllegalStateException.class,
                        () -> retry.call(IOException.class, attempt, x -> true, listener())));
        assertEquals(1, attempts.get());
    }

    @Test
    void noPauseReachesPastTheDeadline() {
        Instant[] now = {Instant.parse("2030-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Retry retry = Retry.times(100)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .withDeadline(Duration.ofSeconds(10), clock)
                .withSleeper(pause -> {
                    pauses.add(pause);
                    now[0] = now[0].plus(pause);
                });
        assertThrows(IOException.class, () -> retry.call(IOException.class, failing(100), x -> true, listener()));
        assertEquals(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                pauses,
                "7 s spent; another 4 s would end at 11 s");
        assertEquals(4, attempts.get());
    }
}
