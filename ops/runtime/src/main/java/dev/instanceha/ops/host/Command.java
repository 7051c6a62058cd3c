package dev.instanceha.ops.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command to run on the unit. {@code stdin} is the place for secrets: arguments show up in
 * process listings and in error messages, stdin does not.
 */
public record Command(List<String> argv, byte[] stdin, Duration timeout, Map<String, String> environment) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public Command {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), null, DEFAULT_TIMEOUT, Map.of());
    }

    public Command withStdin(byte[] input) {
        return new Command(argv, input, timeout, environment);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, stdin, limit, environment);
    }

    public Command withEnvironment(Map<String, String> extra) {
        return new Command(argv, stdin, timeout, extra);
    }

    /** The program and arguments as one line, for logs. */
    public String display() {
        return String.join(" ", argv);
    }
}
