package dev.instanceha.ops.host;

/** Runs programs on the unit. */
public interface Commands {
    /** Runs and waits (up to the command's timeout); never throws for a non-zero exit. */
    CommandResult run(Command command);

    /** Runs and throws {@link CommandFailedException} unless it succeeded. */
    default CommandResult check(Command command) {
        return run(command).orThrow(command);
    }

    /** True when {@code program} can be found on PATH. */
    boolean exists(String program);
}
