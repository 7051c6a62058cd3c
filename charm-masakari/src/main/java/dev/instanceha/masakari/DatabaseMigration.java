package dev.instanceha.masakari;

import dev.instanceha.interfaces.db.DatabaseAccess;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.time.Duration;
import java.util.Map;

/**
 * {@code masakari-manage db sync}: run by the leader once per database, recorded in the peer
 * relation's application data so the other units know the schema is there before they start.
 */
public final class DatabaseMigration {
    /** Peer app-data key: the database the schema was created in (host:port/name). */
    static final String SYNCED_KEY = "db-synced";
    /** The peer endpoint of metadata.yaml. */
    static final String PEERS = "cluster";

    static final Command SYNC = Command.of(
                    "masakari-manage", "--config-file", MasakariConfFile.PATH.toString(), "db", "sync")
            .withTimeout(Duration.ofMinutes(10));

    private DatabaseMigration() {}

    /** Identifies a database; a new one (another host or name) is migrated again. */
    static String fingerprint(DatabaseAccess db) {
        return db.host() + ":" + db.port() + "/" + db.database();
    }

    /**
     * Ensures the schema exists. The leader migrates when the peer data does not yet name this
     * database; a non-leader waits for that. Throws StatusException while it cannot go on.
     */
    public static void ensure(HookContext hook, DatabaseAccess db, boolean configChanged) {
        String wanted = fingerprint(db);
        Endpoint peers = hook.endpoint(PEERS);
        String recorded = peers.relations().stream()
                .findFirst()
                .map(p -> p.localAppData().getOrDefault(SYNCED_KEY, ""))
                .or(() -> hook.model().state().get(SYNCED_KEY))
                .orElse("");
        if (recorded.equals(wanted)) {
            return;
        }
        if (!hook.model().isLeader()) {
            throw new StatusException(Status.waiting("Waiting for the leader to migrate the database"));
        }
        hook.log().info("migrating the masakari database at " + wanted);
        CommandResult result = hook.host().commands().run(SYNC);
        if (!result.succeeded()) {
            // The database answered but refused (wrong password, no grant): the operator must act.
            String reason = reason(result);
            hook.log().error("masakari-manage db sync failed: " + reason);
            throw new StatusException(Status.blocked(
                    "Database migration failed: " + reason + " (check the shared-db relation, then run any hook)"));
        }
        if (peers.isRelated()) {
            peers.publishApp(Map.of(SYNCED_KEY, wanted));
        } else {
            hook.model().state().put(SYNCED_KEY, wanted);
        }
    }

    /** oslo.log's "2026-12-06 21:58:59.520 8403 ERROR masakari " in front of each line. */
    private static final java.util.regex.Pattern OSLO_PREFIX =
            java.util.regex.Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\d+ [A-Z]+ \\S+ ?");

    /**
     * The line that says why: the last error line of stderr, else of stdout (oslo.log writes the
     * traceback where its config sends it), without oslo's prefix; else the exit code.
     */
    static String reason(CommandResult result) {
        for (String text : java.util.List.of(result.stderr(), result.stdout())) {
            String[] lines = text.split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = OSLO_PREFIX.matcher(lines[i]).replaceFirst("").strip();
                if (line.matches(".*(Error|Exception|denied|refused).*")) {
                    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
                }
            }
        }
        String last = lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr());
        return last.isEmpty() ? "masakari-manage exited " + result.exitCode() : last;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.length() > 160 ? last.substring(0, 160) + "…" : last;
    }
}
