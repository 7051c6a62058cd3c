package dev.instanceha.stonith;

import java.time.Duration;

/** Repeats a MAAS request after a transient failure (503, timeout, connection error), a bounded number of times. */
public final class Retrier {
    @FunctionalInterface
    public interface Call<T> {
        T run() throws MaasException;
    }

    private final int retries;
    private final Duration pause;
    private final Diagnostics diagnostics;

    public Retrier(int retries, Duration pause, Diagnostics diagnostics) {
        this.retries = retries;
        this.pause = pause;
        this.diagnostics = diagnostics;
    }

    public <T> T call(Call<T> call) throws MaasException {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (MaasException e) {
                if (!e.kind().retryable() || attempt >= retries) {
                    throw e;
                }
                diagnostics.warn(e.getMessage() + "; retry " + (attempt + 1) + " of " + retries);
                sleep(pause);
            }
        }
    }

    static void sleep(Duration duration) throws MaasException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaasException(MaasException.Kind.TIMEOUT, "interrupted");
        }
    }
}
