package dev.instanceha.tests.model.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.simulators.maas.MaasSimulator;
import dev.instanceha.simulators.maas.MachineSpec;
import dev.instanceha.simulators.maas.ShellPowerHook;
import dev.instanceha.simulators.nova.NovaSimulator;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.model.Machines;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The services behind the model's stand-ins, all on the bridge address so machines reach them:
 * a Keystone of the model's own (uwsgi, its own database), a MariaDB of the model's own (the
 * stand-ins create "masakari" there as the real charms would; the host's MariaDB holds the lab's
 * database of that name, which a newer masakari's migrations must never touch), RabbitMQ relayed
 * from loopback, and the Nova and MAAS simulators (MAAS powers machines with the machine layer's
 * power script, so a fence really cuts a machine's power). Secrets are generated once and kept
 * root-only under the model's home.
 */
public final class ModelCloud implements AutoCloseable {
    public static final int KEYSTONE_PORT = 5000;
    public static final int NOVA_PORT = 8774;
    public static final int MAAS_PORT = 5240;
    /** The MAAS simulator's API key, as the bundles set maas_credentials: a test fixture, not a credential. */
    public static final String MAAS_SIMULATOR_KEY = "model:simulator:maaskey";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Machines machines;
    private final Path dir;
    private final Consumer<String> progress;
    private final List<AutoCloseable> running = new ArrayList<>();
    private NovaSimulator nova;
    private MaasSimulator maas;
    private KeystoneAdmin keystone;
    private ObjectNode secrets;

    public ModelCloud(Machines machines, Consumer<String> progress) {
        this.machines = machines;
        this.dir = machines.home().resolve("cloud");
        this.progress = progress;
    }

    public ModelCloud start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        secrets = loadSecrets();
        machines.ensureNetwork();
        InetAddress bridge = InetAddress.getByName(Machines.HOST);
        startMariaDb();
        running.add(new TcpRelay(new InetSocketAddress(bridge, 5672), new InetSocketAddress("127.0.0.1", 5672)));
        nova = NovaSimulator.start(bridge, NOVA_PORT, List.of());
        running.add(nova);
        String power = machines.scriptPath("power") + " \"$MAAS_POWER_TARGET\" \"$MAAS_HOSTNAME\"";
        maas = MaasSimulator.builder()
                .bindAddress(bridge)
                .port(MAAS_PORT)
                .apiKey(MAAS_SIMULATOR_KEY)
                .powerHook(new ShellPowerHook(power, Duration.ofSeconds(60)))
                .start();
        running.add(maas);
        startKeystone();
        keystone = new KeystoneAdmin(keystoneUrl(), secret("keystone_admin_password"));
        for (int attempt = 1; ; attempt++) {
            try { // a Keystone that answers /v3 may still be loading its workers
                keystone.ensureService(
                        "nova",
                        "compute",
                        "RegionOne",
                        Map.of("public", nova.endpoint(), "internal", nova.endpoint(), "admin", nova.endpoint()));
                break;
            } catch (IOException e) {
                if (attempt == 30) {
                    throw new IOException("the model's Keystone does not take admin calls: " + e.getMessage(), e);
                }
                Thread.sleep(2000);
            }
        }
        progress.accept("cloud ready: Keystone " + keystoneUrl() + ", Nova simulator " + nova.url()
                + ", MAAS simulator " + maas.url() + ", MariaDB and RabbitMQ on " + Machines.HOST);
        return this;
    }

    public String keystoneUrl() {
        return "http://" + Machines.HOST + ":" + KEYSTONE_PORT;
    }

    public KeystoneAdmin keystone() {
        return keystone;
    }

    public NovaSimulator nova() {
        return nova;
    }

    public MaasSimulator maas() {
        return maas;
    }

    public void enlist(String hostname) {
        maas.addMachine(MachineSpec.deployed(hostname));
    }

    /** A generated secret kept for the model's lifetime (same value on every controller start). */
    public synchronized String secret(String name) throws IOException {
        if (!secrets.hasNonNull(name)) {
            byte[] b = new byte[18];
            new SecureRandom().nextBytes(b);
            String v = HexFormat.of().formatHex(b);
            secrets.put(name, v);
            Path f = dir.resolve("secrets.json");
            Files.writeString(f, JSON.writeValueAsString(secrets));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
        return secrets.get(name).asText();
    }

    private ObjectNode loadSecrets() throws IOException {
        Path f = dir.resolve("secrets.json");
        return Files.exists(f) ? (ObjectNode) JSON.readTree(f.toFile()) : JSON.createObjectNode();
    }

    private void startKeystone() throws IOException, InterruptedException {
        Path ks = dir.resolve("keystone");
        Files.createDirectories(ks);
        String dbPassword = secret("keystone_db_password");
        hostMysql("CREATE DATABASE IF NOT EXISTS keystone_model CHARACTER SET utf8mb4; "
                + "CREATE USER IF NOT EXISTS 'keystone_model'@'127.0.0.1' IDENTIFIED BY '" + dbPassword + "'; "
                + "ALTER USER 'keystone_model'@'127.0.0.1' IDENTIFIED BY '" + dbPassword + "'; "
                + "GRANT ALL PRIVILEGES ON keystone_model.* TO 'keystone_model'@'127.0.0.1';");
        Path conf = ks.resolve("keystone.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "[DEFAULT]",
                        "use_stderr = true",
                        "[database]",
                        "connection = mysql+pymysql://keystone_model:" + dbPassword + "@127.0.0.1/keystone_model",
                        "[token]",
                        "provider = fernet",
                        "[fernet_tokens]",
                        "key_repository = " + ks.resolve("fernet-keys"),
                        "[fernet_receipts]",
                        "key_repository = " + ks.resolve("fernet-keys"),
                        "[credential]",
                        "key_repository = " + ks.resolve("credential-keys"),
                        "[cache]",
                        "enabled = false",
                        ""));
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        Path logs = machines.logs();
        Files.createDirectories(logs);
        if (!Files.exists(ks.resolve("bootstrapped")) || tableCount() == 0) {
            progress.accept("Keystone: db_sync and bootstrap (first run only)");
            String url = keystoneUrl() + "/v3";
            manage(conf, logs, "db_sync");
            Files.createDirectories(ks.resolve("fernet-keys"));
            Files.createDirectories(ks.resolve("credential-keys"));
            manage(conf, logs, "fernet_setup", "--keystone-user", "root", "--keystone-group", "root");
            manage(conf, logs, "credential_setup", "--keystone-user", "root", "--keystone-group", "root");
            manage(
                    conf,
                    logs,
                    "bootstrap",
                    "--bootstrap-admin-url",
                    url,
                    "--bootstrap-internal-url",
                    url,
                    "--bootstrap-public-url",
                    url,
                    "--bootstrap-region-id",
                    "RegionOne");
            Files.writeString(ks.resolve("bootstrapped"), "");
        }
        for (String keys : new String[] {"fernet-keys", "credential-keys"}) {
            Files.setPosixFilePermissions(ks.resolve(keys), PosixFilePermissions.fromString("rwx------"));
        }
        if (!up(keystoneUrl() + "/v3")) {
            ProcessBuilder pb = new ProcessBuilder(
                            "setsid",
                            "uwsgi",
                            "--plugin",
                            "python3",
                            "--http-socket",
                            Machines.HOST + ":" + KEYSTONE_PORT,
                            "--wsgi-file",
                            "/usr/bin/keystone-wsgi-public",
                            "--master",
                            "--processes",
                            "2",
                            "--threads",
                            "4",
                            "--die-on-term",
                            "--need-app",
                            "--buffer-size",
                            "65535",
                            "--add-header",
                            "Connection: close",
                            "--env",
                            "OS_KEYSTONE_CONFIG_FILES=" + conf)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve("keystone.log").toFile()));
            Process p = pb.start();
            machines.recordProcess("keystone", p.pid());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!up(keystoneUrl() + "/v3")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the model's Keystone did not answer on " + keystoneUrl() + " (log: "
                            + logs.resolve("keystone.log") + ")");
                }
                Thread.sleep(500);
            }
        }
    }

    private void manage(Path conf, Path logs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("keystone-manage", "--config-file", conf.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve("keystone-manage.log").toFile()));
        pb.environment().put("OS_BOOTSTRAP_PASSWORD", secret("keystone_admin_password")); // not in argv: ps shows argv
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IOException(
                    "keystone-manage " + args[0] + " failed (log: " + logs.resolve("keystone-manage.log") + ")");
        }
    }

    private static int tableCount() {
        Lab.Result r = Lab.exec(
                Duration.ofSeconds(30),
                "mysql",
                "-uroot",
                "-h127.0.0.1",
                "--protocol=tcp",
                "-N",
                "-e",
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='keystone_model'");
        try {
            return Integer.parseInt(r.output().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Runs SQL as root of the host's MariaDB on loopback (Keystone's own database lives there). */
    private static void hostMysql(String sql) throws IOException {
        int code = withStdin(sql, "mysql", "-uroot", "-h127.0.0.1", "--protocol=tcp");
        if (code != 0) {
            throw new IOException("MariaDB refused a statement (exit " + code
                    + "); is it running on 127.0.0.1:3306 with root and no password?");
        }
    }

    /** Runs SQL as root of the model's MariaDB over its socket (the statements carry passwords: stdin, never logged). */
    public void mysql(String sql) throws IOException {
        int code = withStdin(sql, "mysql", "-uroot", "--socket=" + dir.resolve("mariadb/mysqld.sock"));
        if (code != 0) {
            throw new IOException("the model's MariaDB refused a statement (exit " + code + "; log: "
                    + machines.logs().resolve("mariadb.log") + ")");
        }
    }

    /** The model's own MariaDB on the bridge address, data under the model's home, root by socket only. */
    private void startMariaDb() throws IOException, InterruptedException {
        Path data = dir.resolve("mariadb");
        Path socket = data.resolve("mysqld.sock");
        Files.createDirectories(machines.logs());
        if (!Files.isDirectory(data.resolve("mysql"))) {
            Files.createDirectories(data);
            // As root: the model's home is root-only (0700), so the mysql user could not reach it.
            Lab.Result r = Lab.exec(
                    Duration.ofMinutes(3),
                    "mariadb-install-db",
                    "--no-defaults",
                    "--user=root",
                    "--datadir=" + data,
                    "--auth-root-authentication-method=socket",
                    "--skip-test-db");
            if (r.exitCode() != 0) {
                throw new IOException("mariadb-install-db failed:\n" + Lab.tail(r.output(), 10));
            }
        }
        if (Files.exists(socket) && withStdin("SELECT 1;", "mysql", "-uroot", "--socket=" + socket) == 0) {
            return; // already running (a controller restarted)
        }
        Process p = new ProcessBuilder(
                        "setsid",
                        "mariadbd",
                        "--no-defaults",
                        "--user=root",
                        "--datadir=" + data,
                        "--socket=" + socket,
                        "--pid-file=" + data.resolve("mysqld.pid"),
                        "--bind-address=" + Machines.HOST,
                        "--port=3306",
                        "--skip-log-bin",
                        "--skip-name-resolve",
                        "--innodb-buffer-pool-size=64M")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        machines.logs().resolve("mariadb.log").toFile()))
                .start();
        machines.recordProcess("model-mariadb", p.pid());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (withStdin("SELECT 1;", "mysql", "-uroot", "--socket=" + socket) != 0) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the model's MariaDB did not start (log: "
                        + machines.logs().resolve("mariadb.log") + ")");
            }
            Thread.sleep(500);
        }
    }

    /** Runs a command with its input on stdin (passwords never go in argv, which every user can read). */
    public static int withStdin(String input, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return p.exitValue();
    }

    private static boolean up(String url) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: destroy stops recorded processes anyway
            }
        }
    }
}
