package dev.instanceha.hostmonitor.notify;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Upstream's retry semantics (api_retry_max retries, 409 ends the retries as success) with backoff:
 * the pause starts at api_retry_interval and doubles up to 8 times that.
 */
public final class RetryingDelivery implements Delivery {

    private static final Logger LOG = Logger.getLogger(RetryingDelivery.class.getName());
    private static final int MAX_FACTOR = 8;

    private final MasakariClient client;
    private final int retryMax;
    private final Duration retryInterval;
    private final Sleeper sleeper;

    public RetryingDelivery(MasakariClient client, int retryMax, Duration retryInterval, Sleeper sleeper) {
        this.client = client;
        this.retryMax = retryMax;
        this.retryInterval = retryInterval;
        this.sleeper = sleeper;
    }

    @Override
    public Outcome deliver(Notification n) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            String failure;
            try {
                MasakariClient.Response r = client.post(n);
                if (r.status() / 100 == 2) {
                    LOG.info(() -> "notification " + n.id() + " (" + n.event() + " " + n.hostname() + ") accepted: HTTP " + r.status());
                    return Outcome.DELIVERED;
                }
                if (r.status() == 409) {
                    LOG.info(() -> "notification " + n.id() + " (" + n.event() + " " + n.hostname()
                            + ") already known to masakari (HTTP 409): counted as delivered");
                    return Outcome.ALREADY_KNOWN;
                }
                if (permanent(r.status())) {
                    LOG.severe("notification " + n.id() + " (" + n.event() + " " + n.hostname() + ") rejected: HTTP "
                            + r.status() + " " + r.body());
                    return Outcome.REJECTED;
                }
                failure = "HTTP " + r.status() + " " + r.body();
            } catch (ApiException e) {
                failure = e.getMessage();
            }
            if (attempt >= retryMax) {
                LOG.warning("notification " + n.id() + " not delivered after " + (attempt + 1) + " attempts: " + failure
                        + "; kept in the outbox");
                return Outcome.FAILED;
            }
            Duration pause = backoff(attempt + 1);
            LOG.warning("notification " + n.id() + " attempt " + (attempt + 1) + " failed: " + failure + "; retrying in "
                    + pause.toSeconds() + "s");
            sleeper.sleep(pause);
        }
    }

    /** 400 unknown host / bad body, 403 policy, 404 wrong endpoint, 422: retrying cannot help. */
    private static boolean permanent(int status) {
        return status == 400 || status == 403 || status == 404 || status == 422;
    }

    Duration backoff(int retry) {
        long factor = Math.min(1L << Math.min(retry - 1, 30), MAX_FACTOR);
        return retryInterval.multipliedBy(factor);
    }
}
