package dev.instanceha.stonith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Power changes with the fail-safe rule: a change counts only once MAAS's query_power_state
 * (which asks the BMC, not a cache) reports the target state within the power timeout. A timeout,
 * an "unknown" or "error" state, or any failed query means failure, never success.
 */
public final class PowerController {
    private final MaasClient client;
    private final Duration powerTimeout;
    private final Duration pollInterval;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Diagnostics diagnostics;

    public PowerController(MaasClient client, Duration powerTimeout, Duration pollInterval, Duration requestTimeout,
                           Clock clock, Diagnostics diagnostics) {
        this.client = client;
        this.powerTimeout = powerTimeout;
        this.pollInterval = pollInterval;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.diagnostics = diagnostics;
    }

    public void off(MaasMachine machine) throws MaasException {
        client.powerOff(machine);
        awaitState(machine, PowerState.OFF);
    }

    public void on(MaasMachine machine) throws MaasException {
        client.powerOn(machine);
        awaitState(machine, PowerState.ON);
    }

    void awaitState(MaasMachine machine, PowerState target) throws MaasException {
        Instant deadline = clock.instant().plus(powerTimeout);
        String last = "no answer yet";
        while (true) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new MaasException(MaasException.Kind.TIMEOUT, "MAAS did not confirm that " + machine.hostname()
                        + " is " + target.wire() + " within " + powerTimeout.toMillis() / 1000.0 + " s (last: " + last + ")");
            }
            try {
                Duration timeout = remaining.compareTo(requestTimeout) < 0 ? remaining : requestTimeout;
                PowerState state = client.queryPowerState(machine, timeout.toMillis() < 100 ? Duration.ofMillis(100) : timeout);
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
            Retrier.sleep(left.compareTo(pollInterval) < 0 ? (left.isNegative() ? Duration.ZERO : left) : pollInterval);
        }
    }
}
