package dev.instanceha.hostmonitor.state;

import java.time.Duration;
import java.util.Set;

/**
 * The knobs of the state machine.
 *
 * @param samples           monitoring_samples: equal consecutive observations before a host changes phase
 * @param stonithWait       how long a lost host may stay unconfirmed before STOPPED is sent anyway
 * @param restrictToRemotes only remote and guest nodes are monitored (cluster members are ignored)
 * @param selfNames         names of the machine this daemon runs on; never reported
 */
public record TrackerPolicy(int samples, Duration stonithWait, boolean restrictToRemotes, Set<String> selfNames) {
    public TrackerPolicy {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1");
        }
        selfNames = Set.copyOf(selfNames);
    }
}
