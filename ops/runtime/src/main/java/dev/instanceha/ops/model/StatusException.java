package dev.instanceha.ops.model;

/**
 * Thrown by a component that cannot go on until something outside the charm changes (a relation
 * is missing, a peer has not answered). Reconcile stops there and the unit shows the status.
 */
public final class StatusException extends RuntimeException {
    private final Status status;

    public StatusException(Status status) {
        super(status.level().jujuName() + ": " + status.message(), null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
