package dev.instanceha.ops.model;

/**
 * Ends the reconcile with a status, from anywhere below it: the runner reports the status exactly
 * as {@code hook.report} would and stops the reconcile there. Thrown by a component that cannot go
 * on until something outside the charm changes (bad config, a peer that has not answered).
 */
public class StatusException extends RuntimeException {
    private final Status status;

    public StatusException(Status status) {
        this(status.level().jujuName() + ": " + status.message(), status);
    }

    protected StatusException(String message, Status status) {
        super(message, null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
