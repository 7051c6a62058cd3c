package dev.instanceha.hacluster.cib;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandFailedException;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Host;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The running cluster's CIB, read and changed through pacemaker's own CLI tools. */
public final class LiveCib {
    static final Command QUERY =
            Command.of("cibadmin", "--query", "--scope", "configuration").withTimeout(Duration.ofSeconds(30));
    static final Command QUERY_ALL = Command.of("cibadmin", "--query").withTimeout(Duration.ofSeconds(30));
    /** pacemaker's exit code for "Update was older than existing configuration" (CRM_EX_OLD). */
    static final int STALE = 103;

    private final Host host;
    private final Map<String, String> environment;

    public LiveCib(Host host) {
        this(host, Map.of());
    }

    private LiveCib(Host host, Map<String, String> environment) {
        this.host = host;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The CIB kept in {@code file} instead of the cluster's ({@code CIB_file}: pacemaker's tools then
     * need no running daemon), e.g. to try a plan on a copy.
     */
    public static LiveCib onFile(Host host, java.nio.file.Path file) {
        return new LiveCib(host, Map.of("CIB_file", file.toString()));
    }

    private CommandResult run(Command command) {
        return host.commands().run(environment.isEmpty() ? command : command.withEnvironment(environment));
    }

    /** The live {@code <configuration>}; empty when pacemaker does not answer (down or starting). */
    public Optional<XmlNode> configuration() {
        return query(QUERY)
                .map(root -> root.tag().equals("configuration") ? Optional.of(root) : root.child("configuration"))
                .flatMap(c -> c);
    }

    /** The live CIB's version and configuration, read at once; empty when pacemaker does not answer. */
    public Optional<CibSnapshot> snapshot() {
        return query(QUERY_ALL).flatMap(root -> {
            try {
                return Optional.of(CibSnapshot.of(root));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<XmlNode> query(Command command) {
        CommandResult result = run(command);
        if (!result.succeeded() || result.stdout().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(XmlNode.parse(result.stdout()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What became of a plan. */
    public sealed interface Outcome permits Committed, Stale, Refused {}

    /** Applied whole; {@code unforgotten} lists nodes crm_node could not clear afterwards (harmless leftovers). */
    public record Committed(List<String> unforgotten) implements Outcome {}

    /** The CIB changed since the snapshot: nothing applied; read again and recompute. */
    public record Stale() implements Outcome {}

    /** Pacemaker refused the patch (e.g. schema validation): nothing applied. */
    public record Refused(String reason) implements Outcome {}

    /**
     * Commits the whole plan as one patch against the snapshot it was computed from: all of it or
     * nothing. Only forgetting departed nodes (crm_node) runs afterwards, outside the transaction.
     */
    public Outcome commit(CibSnapshot snapshot, List<CibChange> plan) {
        Optional<CibPatch.Patch> patch = CibPatch.of(snapshot, plan);
        if (patch.isPresent()) {
            Command command = patchCommand(patch.get());
            CommandResult result = run(command);
            if (!result.succeeded()) {
                if (result.exitCode() == STALE || result.stderr().contains("older than existing")) {
                    return new Stale();
                }
                return new Refused(reason(result));
            }
        }
        List<String> unforgotten = new ArrayList<>();
        for (CibChange change : plan) {
            if (change.kind() == CibChange.Kind.FORGET_NODE
                    && !run(change.command()).succeeded()) {
                unforgotten.add(change.objectId());
            }
        }
        return new Committed(unforgotten);
    }

    static Command patchCommand(CibPatch.Patch patch) {
        return Command.of("cibadmin", "--patch", "--xml-pipe")
                .withStdin(patch.xml().getBytes(StandardCharsets.UTF_8))
                .withTimeout(CibChange.TIMEOUT);
    }

    /** pacemaker's own words (its last line: "Call failed: ..."), short enough for a status line. */
    static String reason(CommandResult result) {
        if (result.timedOut()) {
            return "cibadmin timed out";
        }
        List<String> lines = result.stderr()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        String last = lines.stream()
                .filter(l -> l.startsWith("Call failed"))
                .reduce((a, b) -> b)
                .map(l -> l.substring("Call failed".length()).replaceFirst("^[:\\s]+", ""))
                .orElse(lines.isEmpty() ? "cibadmin exited " + result.exitCode() : lines.get(lines.size() - 1));
        // The schema's first complaint says which value it was.
        String detail = lines.stream()
                .filter(l -> l.contains("validity error"))
                .findFirst()
                .map(l -> " ("
                        + l.substring(l.indexOf("validity error") + "validity error".length())
                                .replaceFirst("^[:\\s]+", "")
                        + ")")
                .orElse("");
        String text = last + detail;
        return text.length() > 240 ? text.substring(0, 240) : text;
    }

    /** Runs one change alone (tools and tests; the charm commits whole plans); a failure throws. */
    public void apply(CibChange change) {
        CommandResult result = run(change.command());
        if (!result.succeeded()) {
            // The XML carries no secret, but the exception names only the program and the object.
            throw new IllegalStateException("CIB change failed (" + change.description() + "): "
                    + new CommandFailedException(change.command(), result).getMessage());
        }
    }
}
