package dev.instanceha.hostmonitor.notify;

import dev.instanceha.ops.client.ApiException;
import dev.instanceha.ops.client.Retry;
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
    private final Retry retry;

    public RetryingDelivery(MasakariClient client, int retryMax, Duration retryInterval, Retry.Sleeper sleeper) {
        this.client = client;
        this.retry = Retry.times(retryMax)
                .withBackoff(retryInterval, retryInterval.multipliedBy(MAX_FACTOR))
                .withSleeper(sleeper);
    }

    @Override
    public Outcome deliver(Notification n) throws InterruptedException {
        int[] attempts = {0};
        try {
            return retry.call(
                    ApiException.class,
                    () -> {
                        attempts[0]++;
                        return once(n);
                    },
                    failure -> true,
                    (failure, retryNumber, retries, pause) -> LOG.warning("notification " + n.id()
                            + " attempt " + retryNumber + " failed: " + failure.getMessage() + "; retrying in "
                            + pause.toSeconds() + "s"));
        } catch (ApiException e) {
            LOG.warning("notification " + n.id() + " not delivered after " + attempts[0] + " attempts: "
                    + e.getMessage() + "; kept in the outbox");
            return Outcome.FAILED;
        }
    }

    /** One POST: an outcome, or an ApiException for what another attempt may fix (5xx, 401 twice, no answer). */
    private Outcome once(Notification n) {
        MasakariClient.Response r = client.post(n);
        if (r.status() / 100 == 2) {
            LOG.info(() -> "notification " + n.id() + " (" + n.event() + " " + n.hostname() + ") accepted: HTTP "
                    + r.status());
            return Outcome.DELIVERED;
        }
        if (r.status() == 409) {
            LOG.info(() -> "notification " + n.id() + " (" + n.event() + " " + n.hostname()
                    + ") already known to masakari (HTTP 409): counted as delivered");
            return Outcome.ALREADY_KNOWN;
        }
        if (permanent(r.status())) {
            LOG.severe("notification " + n.id() + " (" + n.event() + " " + n.hostname() + ") rejected: "
                    + ApiException.status("Masakari", "POST", r.uri(), r.status(), r.body())
                            .getMessage());
            return Outcome.REJECTED;
        }
        throw ApiException.status("Masakari", "POST", r.uri(), r.status(), r.body());
    }

    /** 400 unknown host / bad body, 403 policy, 404 wrong endpoint, 422: retrying cannot help. */
    private static boolean permanent(int status) {
        return status == 400 || status == 403 || status == 404 || status == 422;
    }
}
