package dev.instanceha.stonith;

import dev.instanceha.ops.client.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Power changes with the fail-safe rule: a change counts only once MAAS's query_power_state
 * (which asks the BMC, not a cache) reports the target state within power_timeout. Running out of
 * time, an "unknown" or "error" state, or any failed query means failure, never success.
 * power_wait pauses after the power command (before the power_timeout clock starts, as in
 * fence-agents); stonith_status_sleep paces the queries.
 */
public final class PowerController {
    private final MaasClient client;
    private final Duration powerTimeout;
    private final Duration powerWait;
    private final Duration statusSleep;
    private final Duration answerTimeout;
    private final Clock clock;
    private final Diagnostics diagnostics;

    public PowerController(MaasClient client, AgentConfig config, Clock clock, Diagnostics diagnostics) {
        this.client = client;
        this.powerTimeout = config.powerTimeout();
        this.powerWait = config.powerWait();
        this.statusSleep = config.statusSleep();
        this.answerTimeout = config.answerTimeout();
        this.clock = clock;
        this.diagnostics = diagnostics;
    }

    public void off(MaasMachine machine) throws MaasException {
        client.powerOff(machine);
        afterPowerCommand();
        awaitState(machine, PowerState.OFF);
    }

    /** Up to {@code attempts} rounds of power_on and confirmation (retry_on); only the last failure counts. */
    public void on(MaasMachine machine, int attempts) throws MaasException {
        try {
            Retry.times(Math.max(0, attempts - 1))
                    .call(
                            MaasException.class,
                            () -> {
                                client.powerOn(machine);
                                afterPowerCommand();
                                awaitState(machine, PowerState.ON);
                                return null;
                            },
                            e -> e.kind().retryable(),
                            (e, retry, retries, pause) -> diagnostics.warn(e.getMessage() + "; power_on attempt "
                                    + (retry + 1) + " of " + attempts + " (" + Params.RETRY_ON + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaasException(MaasException.Kind.TIMEOUT, "interrupted");
        }
    }

    private void afterPowerCommand() throws MaasException {
        if (!powerWait.isZero()) {
            diagnostics.debug("waiting " + powerWait.toMillis() / 1000.0 + " s (" + Params.POWER_WAIT + ")");
            Pause.sleep(powerWait);
        }
    }

    void awaitState(MaasMachine machine, PowerState target) throws MaasException {
        Instant deadline = clock.instant().plus(powerTimeout);
        String last = "no answer yet";
        while (true) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new MaasException(
                        MaasException.Kind.TIMEOUT,
                        "MAAS did not confirm that " + machine.hostname()
                                + " is " + target.wire() + " within " + powerTimeout.toMillis() / 1000.0 + " s ("
                                + Params.POWER_TIMEOUT + "; last: " + last + ")");
            }
            try {
                Duration timeout = remaining.compareTo(answerTimeout) < 0 ? remaining : answerTimeout;
                PowerState state =
                        client.queryPowerState(machine, timeout.toMillis() < 100 ? Duration.ofMillis(100) : timeout);
                if (state == target) {
                    diagnostics.debug(machine.hostname() + " is " + target.wire());
                    return;
                }
                last = "power state '" + state.wire() + "'";
            } catch (MaasException e) {
                // Auth, not-found and the like will not heal by waiting; BMC and transport trouble might.
                if (!e.kind().retryable()) {
                    throw e;
                }
                last = e.getMessage();
            }
            diagnostics.debug(machine.hostname() + ": " + last + ", waiting for " + target.wire());
            Duration left = Duration.between(clock.instant(), deadline);
            Pause.sleep(left.compareTo(statusSleep) < 0 ? (left.isNegative() ? Duration.ZERO : left) : statusSleep);
        }
    }
}
