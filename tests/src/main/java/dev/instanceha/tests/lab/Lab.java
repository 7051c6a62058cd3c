package dev.instanceha.tests.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local lab (tests/lab): finds the scripts, starts what is missing, and fails with the command
 * that fixes it when a component cannot be had. Never skips.
 */
public final class Lab {
    private static final LabSettings SETTINGS = LabSettings.read(findLabDir().resolve("lab.env"));
    public static final String HOST = SETTINGS.string("LAB_HOST");
    public static final int MYSQL_PORT = SETTINGS.port("MYSQL_PORT");
    public static final int RABBIT_PORT = SETTINGS.port("RABBIT_PORT");
    public static final int KEYSTONE_PORT = SETTINGS.port("KEYSTONE_PORT");
    public static final int MASAKARI_PORT = SETTINGS.port("MASAKARI_PORT");
    public static final int NOVA_PORT = SETTINGS.port("NOVA_PORT");
    public static final int MAAS_PORT = SETTINGS.port("MAAS_PORT");
    public static final String REGION = SETTINGS.string("LAB_REGION");
    public static final String ADMIN_PASSWORD = SETTINGS.string("LAB_ADMIN_PASSWORD");
    public static final String SERVICE_USER = SETTINGS.string("LAB_SERVICE_USER");
    public static final String SERVICE_PROJECT = SETTINGS.string("LAB_SERVICE_PROJECT");
    public static final String SERVICE_PASSWORD = SETTINGS.string("LAB_SERVICE_PASSWORD");
    public static final String DB_PASSWORD = SETTINGS.string("LAB_DB_PASSWORD");
    public static final String RABBIT_USER = SETTINGS.string("LAB_RABBIT_USER");
    public static final String RABBIT_VHOST = SETTINGS.string("LAB_RABBIT_VHOST");
    public static final String RABBIT_PASSWORD = SETTINGS.string("LAB_RABBIT_PASSWORD");
    public static final String CLUSTER_NODE = SETTINGS.string("LAB_CLUSTER_NODE");
    /** Where the MAAS simulator's API key lives, relative to {@link #runDir()}. */
    public static final String MAAS_KEY_FILE = SETTINGS.string("LAB_MAAS_KEY_FILE");

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(8);

    private static Lab instance;
    private final Path labDir;

    private Lab(Path labDir) {
        this.labDir = labDir;
    }

    /** The lab of this work tree (walks up from the working directory to find tests/lab/up). */
    public static synchronized Lab get() {
        if (instance == null) {
            instance = new Lab(findLabDir());
        }
        return instance;
    }

    private static Path findLabDir() {
        String prop = System.getProperty("lab.dir");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("tests/lab/up"))) {
                return p.resolve("tests/lab");
            }
        }
        throw new LabUnavailable("cannot find tests/lab/up above " + Path.of("").toAbsolutePath()
                + "; run the tests from the repository (or pass -Dlab.dir=<repo>/tests/lab)");
    }

    public Path dir() {
        return labDir;
    }

    public Path runDir() {
        return labDir.resolve(".run");
    }

    /** Compute hosts the running lab was brought up with (0 when none). */
    public int computes() {
        try {
            return Integer.parseInt(
                    Files.readString(runDir().resolve("computes")).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Makes sure every component runs with at least {@code computes} compute hosts: {@code status}
     * first, then {@code up --computes N} when anything is missing. Fails (never skips) otherwise.
     */
    public synchronized void ensureUp(int computes) {
        int want = Math.max(computes, computes());
        if (computes() >= computes
                && script(Duration.ofMinutes(1), false, "status").exitCode() == 0) {
            return;
        }
        Result up = script(UP_TIMEOUT, true, "up", "--computes", Integer.toString(want));
        if (up.exitCode() != 0) {
            throw new LabUnavailable("tests/lab/up --computes " + want + " failed (exit " + up.exitCode() + "):\n"
                    + tail(up.output(), 40));
        }
    }

    /** Runs a lab script; output is echoed when {@code echo} is set. */
    public Result script(Duration timeout, boolean echo, String name, String... args) {
        return script(timeout, echo, java.util.Map.of(), name, args);
    }

    /** Runs a lab script with extra environment variables (e.g. LAB_REMOTE_AUTHKEY for host-power on). */
    public Result script(
            Duration timeout, boolean echo, java.util.Map<String, String> env, String name, String... args) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new LabUnavailable("the lab needs root (network namespaces, pacemaker); run the tests as root");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(labDir.resolve(name).toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("lab-" + name, ".log");
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new LabUnavailable("tests/lab/" + name + " did not finish in " + timeout.toSeconds() + " s:\n"
                        + tail(Files.readString(out, StandardCharsets.UTF_8), 30));
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            if (echo) {
                System.out.print(text);
                System.out.flush();
            }
            return new Result(p.exitValue(), text);
        } catch (IOException e) {
            throw new LabUnavailable("cannot run tests/lab/" + name + ": " + e.getMessage()
                    + " (install the lab first: tests/lab/install)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabUnavailable("interrupted while running tests/lab/" + name);
        }
    }

    /** Runs a command (not a lab script) and returns its output; fails on a non-zero exit. */
    static String run(Duration timeout, String... cmd) {
        Result r = exec(timeout, cmd);
        if (r.exitCode() != 0) {
            throw new LabUnavailable(String.join(" ", cmd) + " exited " + r.exitCode() + ": " + tail(r.output(), 20));
        }
        return r.output();
    }

    /** Runs a command (not a lab script) and returns its exit code and combined output. */
    public static Result exec(Duration timeout, String... cmd) {
        try {
            // Output goes to a file, not a pipe read before waitFor: reading a pipe to its end would
            // block on a hung command and the timeout would never apply.
            Path out = Files.createTempFile("lab-cmd", ".log");
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
                p.getOutputStream().close();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new LabUnavailable(String.join(" ", cmd) + " timed out after " + timeout.toSeconds() + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new LabUnavailable("cannot run " + cmd[0] + ": " + e.getMessage() + " (run tests/lab/install)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabUnavailable("interrupted: " + String.join(" ", cmd));
        }
    }

    public static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    /** A script's exit code and combined output. */
    public record Result(int exitCode, String output) {}

    /** A lab component cannot be had: the test fails with this message, which says how to fix it. */
    public static final class LabUnavailable extends RuntimeException {
        public LabUnavailable(String message) {
            super(message + "\nFix: sudo tests/lab/install && sudo tests/lab/up --computes 3   (docs/lab.md)");
        }
    }
}
