package dev.instanceha.ops.context;

/** The process was not started by Juju (or Juju's environment is incomplete for this hook). */
public final class JujuContextException extends RuntimeException {
    public JujuContextException(String message) {
        super(message);
    }
}
