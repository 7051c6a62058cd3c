package dev.instanceha.tests.model.juju;

/** A request the model refuses (as Juju would), with a message for the person who made it. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }
}
