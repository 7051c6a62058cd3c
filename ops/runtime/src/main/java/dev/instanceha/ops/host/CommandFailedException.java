package dev.instanceha.ops.host;

/** A command the charm needed did not succeed. The message names the program, not its input. */
public final class CommandFailedException extends RuntimeException {
    private final CommandResult result;

    public CommandFailedException(Command command, CommandResult result) {
        super(command.argv().get(0)
                + (result.timedOut()
                        ? " timed out after " + command.timeout().toSeconds() + " s"
                        : " exited " + result.exitCode())
                + tail(result.stderr()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    private static String tail(String stderr) {
        String text = stderr == null ? "" : stderr.strip();
        if (text.isEmpty()) {
            return "";
        }
        String[] lines = text.split("\n");
        return ": " + lines[lines.length - 1];
    }
}
