package dev.instanceha.tests.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A host monitor running on the lab's cluster member, reporting the remote compute hosts to the lab's
 * real masakari-api with the masakari service user: either this project's {@code masakari-hostmonitor-java}
 * (hostmonitor-patch) or Debian's upstream {@code masakari-hostmonitor} with {@code restrict_to_remotes}.
 * Both read one masakarimonitors.conf written here (0600: it holds the service password).
 */
public final class HostMonitorDaemon implements AutoCloseable {
    /** Which monitor runs. */
    public enum Kind {
        JAVA,
        UPSTREAM
    }

    private final Kind kind;
    private final Process process;
    private final Path dir;

    private HostMonitorDaemon(Kind kind, Process process, Path dir) {
        this.kind = kind;
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts a monitor polling every second, one sample, {@code stonithWait} seconds at most to wait
     * for a fence confirmation (Java), API retries every 2 s.
     */
    public static HostMonitorDaemon start(Lab lab, Kind kind, Path dir, int stonithWait) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("masakarimonitors.conf");
        Files.deleteIfExists(conf);
        Files.createFile(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(conf, config(kind, dir, conf, stonithWait));
        List<String> program = kind == Kind.JAVA ? List.of(launcher(lab).toString()) : List.of("masakari-hostmonitor");
        return startWith(kind, program, dir, List.of(conf));
    }

    /**
     * Starts {@code program} (e.g. the launcher a charm ships) on config files written elsewhere, such
     * as a charm's rendering; later files win, as with oslo.config.
     */
    public static HostMonitorDaemon startWith(Kind kind, List<String> program, Path dir, List<Path> configFiles)
            throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve("monitor.log");
        Files.deleteIfExists(log);
        List<String> cmd = new java.util.ArrayList<>(program);
        for (Path f : configFiles) {
            cmd.add("--config-file");
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        p.getOutputStream().close();
        return new HostMonitorDaemon(kind, p, dir);
    }

    private static Path launcher(Lab lab) {
        Path l = lab.dir().getParent().getParent().resolve("hostmonitor-patch/target/masakari-hostmonitor-java");
        if (!Files.isExecutable(l)) {
            throw new Lab.LabUnavailable(
                    "hostmonitor-patch is not built (no " + l + "); run: mvn -pl hostmonitor-patch -am package");
        }
        return l;
    }

    private static String config(Kind kind, Path dir, Path conf, int stonithWait) {
        String common = """
                [api]
                auth_url = http://%s:%d
                username = %s
                password = %s
                user_domain_id = default
                project_name = %s
                project_domain_id = default
                region = %s
                api_interface = public

                [host]
                restrict_to_remotes = True
                disable_ipmi_check = True
                pacemaker_node_type = remote
                monitoring_interval = 1
                monitoring_samples = 1
                stonith_wait = %d
                api_retry_max = 3
                api_retry_interval = 2
                """.formatted(
                        Lab.HOST,
                        Lab.KEYSTONE_PORT,
                        Lab.SERVICE_USER,
                        Lab.SERVICE_PASSWORD,
                        Lab.SERVICE_PROJECT,
                        Lab.REGION,
                        stonithWait);
        if (kind == Kind.JAVA) {
            return common + """

                    [hostmonitor_java]
                    hostname = %s
                    poll_interval = 1
                    outbox_dir = %s
                    """.formatted(Cluster.MEMBER, dir.resolve("outbox"));
        }
        // Root without sudo: start oslo.privsep's helper directly.
        return common + """

                [masakarimonitors_privileged]
                helper_command = privsep-helper --config-file %s
                """.formatted(conf);
    }

    public Kind kind() {
        return kind;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("monitor.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the monitor's log holds {@code text}; fails with the log's tail otherwise. */
    public void awaitLog(String text, Duration timeout) {
        awaitLogLine(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(text)), timeout);
    }

    /** Waits until one line of the monitor's log matches {@code line} (find); fails with the log's tail otherwise. */
    public void awaitLogLine(java.util.regex.Pattern line, Duration timeout) {
        String text = line.pattern();
        Poll.until(
                timeout,
                Duration.ofMillis(250),
                () -> {
                    boolean alive =
                            process.isAlive(); // read before the log: a line written just before dying still counts
                    String log = log();
                    if (!alive && log.lines().noneMatch(l -> line.matcher(l).find())) {
                        throw new AssertionError(kind + " host monitor died before logging '" + text + "' within "
                                + timeout.toSeconds() + " s:\n" + Lab.tail(log, 30));
                    }
                    return log;
                },
                log -> log.lines().anyMatch(l -> line.matcher(l).find()),
                log -> kind + " host monitor did not log '" + text + "' within " + timeout.toSeconds() + " s:\n"
                        + Lab.tail(log, 30));
    }

    /** Notifications the Java monitor holds, not yet accepted by Masakari. */
    public long pendingInOutbox() throws IOException {
        Path pending = dir.resolve("outbox/pending");
        if (!Files.isDirectory(pending)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(pending)) {
            return s.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    /** Stops the monitor (SIGTERM, then SIGKILL after 15 s) with its children (the privsep helper). */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroy);
    }
}
