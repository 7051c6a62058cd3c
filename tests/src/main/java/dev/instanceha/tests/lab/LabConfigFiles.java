package dev.instanceha.tests.lab;

import dev.instanceha.hacluster.corosync.CorosyncConf;
import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.hacluster.corosync.CorosyncSettings;
import dev.instanceha.hacluster.corosync.Transport;
import dev.instanceha.interfaces.ServiceEndpoint;
import dev.instanceha.interfaces.amqp.AmqpConnection;
import dev.instanceha.interfaces.db.DatabaseAccess;
import dev.instanceha.interfaces.identity.IdentityServiceData;
import dev.instanceha.masakari.MasakariConfFile;
import dev.instanceha.masakari.MasakariConfig;
import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigSchema;
import dev.instanceha.ops.model.Secret;
import dev.instanceha.ops.render.IniDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the lab's masakari.conf and corosync.conf with the charms' own renderers (charm-masakari's
 * {@link MasakariConfFile}, charm-hacluster-ext's {@link CorosyncConf}), fed the lab's credentials
 * the way the relations would carry them. What only the lab needs and the charm does not render
 * (loopback listen address, one API worker, the fast engine intervals, a lock dir under .run) goes
 * into masakari-lab.conf, given to masakari after the charm's file (oslo.config: later files win).
 * Run by tests/lab/up: {@code LabConfigFiles <run dir>}.
 */
public final class LabConfigFiles {
    /** The charm options the lab sets for fast recovery in tests; every other option keeps its default. */
    static final Map<String, Object> MASAKARI_OPTIONS = Map.of(
            "region", Lab.REGION,
            "evacuation-delay", 1,
            "wait-period-after-evacuation", 30,
            "wait-period-after-power-off", 10,
            "duplicate-notification-detection-interval", 1);

    private LabConfigFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LabConfigFiles <tests/lab/.run>");
            System.exit(2);
        }
        Path run = Path.of(args[0]);
        Path repo = Lab.get().dir().getParent().getParent();
        Path masakari = run.resolve("masakari");
        // 0600: masakari.conf holds the database, broker and service passwords.
        write(masakari.resolve("masakari.conf"), masakariConf(repo).render(), "rw-------");
        write(
                masakari.resolve("masakari-lab.conf"),
                masakariLabConf(masakari.resolve("lock")).render(),
                "rw-r--r--");
        write(run.resolve("cluster/corosync.conf"), corosyncConf(), "rw-r--r--");
    }

    /** The charm's masakari.conf for the lab's MariaDB, RabbitMQ and Keystone. */
    static IniDocument masakariConf(Path repo) {
        ConfigSchema schema = ConfigSchema.load(repo.resolve("charm-masakari/src/main/charm/config.yaml"));
        MasakariConfig config = new CharmConfig(schema, MASAKARI_OPTIONS).as(MasakariConfig.class);
        DatabaseAccess db = new DatabaseAccess(
                Lab.HOST,
                Lab.MYSQL_PORT,
                "masakari",
                "masakari",
                Secret.of(Lab.DB_PASSWORD),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        AmqpConnection amqp = new AmqpConnection(
                Lab.RABBIT_USER,
                Secret.of(Lab.RABBIT_PASSWORD),
                Lab.RABBIT_VHOST,
                List.of(Lab.HOST),
                Lab.RABBIT_PORT,
                false,
                Optional.empty(),
                false);
        ServiceEndpoint keystone = new ServiceEndpoint("http", Lab.HOST, Lab.KEYSTONE_PORT);
        // The project id is not part of masakari.conf, and keystone_setup.py makes the project later.
        IdentityServiceData identity = new IdentityServiceData(
                keystone,
                keystone,
                Optional.empty(),
                Lab.SERVICE_USER,
                Secret.of(Lab.SERVICE_PASSWORD),
                Lab.SERVICE_PROJECT,
                "",
                Optional.of("Default"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("3"),
                Optional.of(Lab.REGION),
                false,
                Optional.empty());
        // No [taskflow] connection: Debian bookworm's python3-taskflow lacks its migrations (docs/lab.md).
        return MasakariConfFile.render(new MasakariConfFile.Inputs(config, db, amqp, identity, false));
    }

    /** The settings the lab needs that the charm does not render (it serves the API through uwsgi). */
    static IniDocument masakariLabConf(Path lockDir) {
        IniDocument ini =
                new IniDocument("The lab's own settings, read after the charm's masakari.conf (tests/lab/up).");
        ini.section("DEFAULT")
                .put("masakari_api_listen", Lab.HOST)
                .put("masakari_api_listen_port", Lab.MASAKARI_PORT)
                .put("masakari_api_workers", 1)
                .put("verify_interval", 1)
                .put("process_unfinished_notifications_interval", 60)
                .put("retry_notification_new_status_interval", 10);
        ini.section("oslo_concurrency").put("lock_path", lockDir);
        return ini;
    }

    /**
     * The charm's corosync.conf for a one-node cluster on loopback. udpu, because the renderer
     * encrypts knet, and knet's key (/etc/corosync/authkey) is the machine's, not the lab's.
     */
    static String corosyncConf() {
        return CorosyncConf.render(new CorosyncSettings(
                "instanceha-lab",
                Transport.UDPU,
                List.of(new CorosyncNode(1, Lab.CLUSTER_NODE, Lab.HOST)),
                "226.94.1.1",
                CorosyncSettings.DEFAULT_PORT,
                Optional.empty(),
                false));
    }

    private static void write(Path file, String text, String mode) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
