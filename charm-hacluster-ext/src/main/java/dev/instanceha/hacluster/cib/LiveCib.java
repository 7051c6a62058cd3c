package dev.instanceha.hacluster.cib;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandFailedException;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Host;
import java.time.Duration;
import java.util.Optional;

/** The running cluster's CIB, read and changed through pacemaker's own CLI tools. */
public final class LiveCib {
    static final Command QUERY = Command.of("cibadmin", "--query", "--scope", "configuration")
            .withTimeout(Duration.ofSeconds(30));

    private final Host host;

    public LiveCib(Host host) {
        this.host = host;
    }

    /** The live {@code <configuration>}; empty when pacemaker does not answer (down or starting). */
    public Optional<XmlNode> configuration() {
        CommandResult result = host.commands().run(QUERY);
        if (!result.succeeded() || result.stdout().isBlank()) {
            return Optional.empty();
        }
        try {
            XmlNode root = XmlNode.parse(result.stdout());
            return root.tag().equals("configuration") ? Optional.of(root) : root.child("configuration");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Runs one change; a failure throws (the hook fails and Juju retries it). */
    public void apply(CibChange change) {
        CommandResult result = host.commands().run(change.command());
        if (!result.succeeded()) {
            // The XML carries no secret, but the exception names only the program and the object.
            throw new IllegalStateException("CIB change failed (" + change.description() + "): "
                    + new CommandFailedException(change.command(), result).getMessage());
        }
    }
}
