package dev.instanceha.simulators.maas;

/** The mutable state of one simulated machine; all access is synchronized on the instance. */
final class SimMachine {
    private final MachineSpec spec;
    private PowerState powerState;
    private FailureMode failure;
    private String lastError;
    // Counts power actions so a late transition from an older action cannot overwrite a newer one.
    private long generation;

    SimMachine(MachineSpec spec, FailureMode failure) {
        this.spec = spec;
        this.powerState = spec.initialState();
        this.failure = failure;
    }

    MachineSpec spec() {
        return spec;
    }

    synchronized PowerState powerState() {
        return powerState;
    }

    synchronized void powerState(PowerState state) {
        powerState = state;
    }

    synchronized FailureMode failure() {
        return failure;
    }

    synchronized void failure(FailureMode mode) {
        failure = mode;
    }

    synchronized String lastError() {
        return lastError;
    }

    synchronized long beginAction() {
        return ++generation;
    }

    /** Applies a transition only if no newer power action started meanwhile. */
    synchronized void finishAction(long actionGeneration, PowerState state, String error) {
        if (actionGeneration == generation) {
            powerState = state;
            lastError = error;
        }
    }
}
