package dev.instanceha.ops.host;

/** How a {@link Command} ended. A timed-out command was killed and has exit code -1. */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut) {
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws {@link CommandFailedException} unless the command succeeded. */
    public CommandResult orThrow(Command command) {
        if (!succeeded()) {
            throw new CommandFailedException(command, this);
        }
        return this;
    }
}
