package dev.instanceha.ops.charm;

/** Ends an action as failed with a message for the operator (shown by {@code juju run}). */
public final class ActionFailedException extends RuntimeException {
    public ActionFailedException(String message) {
        super(message, null, false, false);
    }
}
