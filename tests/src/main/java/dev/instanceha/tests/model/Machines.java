package dev.instanceha.tests.model;

import dev.instanceha.tests.lab.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's machine layer for tests: LXC system containers with systemd, driven through the
 * scripts in {@code tests/model/machines} (one implementation, shared with people at a shell).
 * Every machine, the bridge and the apt cache live under {@link #home()}; {@link #destroyAll()}
 * removes exactly those.
 */
public final class Machines {
    /** The host's address on the model's bridge: the only address machines reach. */
    public static final String HOST = "10.251.200.1";

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    private final Path scripts;
    private final Path home;

    private Machines(Path scripts, Path home) {
        this.scripts = scripts;
        this.home = home;
    }

    /** Finds tests/model/machines above the working directory; fails saying how to get the layer. */
    public static Machines find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("tests/model/machines");
            if (Files.isExecutable(dir.resolve("launch"))) {
                return new Machines(
                        dir, Path.of(System.getenv().getOrDefault("MODEL_HOME", "/var/lib/instanceha-model")));
            }
        }
        throw new MachinesUnavailable(
                "cannot find tests/model/machines above " + Path.of("").toAbsolutePath());
    }

    /** Fails with the fix when this host cannot run model machines. */
    public void requireHost() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new MachinesUnavailable("model machines are LXC system containers: run the tests as root");
        }
        for (String tool : List.of("lxc-start", "mmdebstrap", "apt-cacher-ng")) {
            if (Lab.exec(Duration.ofSeconds(10), "sh", "-c", "command -v " + tool)
                            .exitCode()
                    != 0) {
                throw new MachinesUnavailable(tool + " missing: run tests/model/install (bin/test-all does)");
            }
        }
    }

    public Path home() {
        return home;
    }

    public Path logs() {
        return home.resolve("logs");
    }

    /** Builds the base image unless the cached one matches its recipe; returns how long that took. */
    public Duration image(String base) {
        long start = System.nanoTime();
        script("image", base);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Creates (if absent) and boots a machine; returns it once systemd reports running or degraded. */
    public Machine launch(String name, String base, String address) {
        long start = System.nanoTime();
        String out = script("launch", name, base, address);
        return new Machine(name, address, Duration.ofNanos(System.nanoTime() - start), out);
    }

    /** The host side: bridge and apt cache, before any machine (the model's services bind the bridge address). */
    public void ensureNetwork() {
        script("network");
    }

    /** A machine by name and address, not launched yet ({@link Machine#launch(String)} boots it). */
    public Machine handle(String name, String address) {
        return new Machine(name, address, Duration.ZERO, "");
    }

    /** The machine's root filesystem as the host sees it. */
    public Path rootfs(String name) {
        return home.resolve("lxc").resolve(name).resolve("rootfs");
    }

    /** The status table (machines, state, systemd, memory; bridge; apt cache). */
    public String status() {
        return script("status");
    }

    /** Deletes the named machines only. */
    public void destroy(String... names) {
        if (names.length > 0) {
            script("destroy", names);
        }
    }

    /** Deletes every machine, stops the apt cache and every recorded process, removes the bridge. */
    public void destroyAll() {
        script("destroy");
    }

    /** What {@link #destroyAll()} must leave: no machine, no bridge, no model veth, no live pid file. */
    public List<String> leftovers() {
        List<String> left = new ArrayList<>();
        try (var dirs = Files.exists(home.resolve("lxc"))
                ? Files.list(home.resolve("lxc"))
                : java.util.stream.Stream.<Path>empty()) {
            dirs.forEach(d -> left.add("machine directory " + d));
        } catch (IOException e) {
            left.add("unreadable " + home.resolve("lxc") + ": " + e.getMessage());
        }
        String links = Lab.exec(Duration.ofSeconds(10), "ip", "-br", "link").output();
        for (String line : links.split("\n")) {
            String dev = line.split("[\\s@]")[0];
            if (dev.equals("ihamodel0") || dev.startsWith("ihm")) {
                left.add("link " + dev);
            }
        }
        try (var pids = Files.exists(home.resolve("run"))
                ? Files.list(home.resolve("run"))
                : java.util.stream.Stream.<Path>empty()) {
            pids.filter(p -> p.toString().endsWith(".pid")).forEach(p -> left.add("pid file " + p));
        } catch (IOException e) {
            left.add("unreadable " + home.resolve("run") + ": " + e.getMessage());
        }
        return left;
    }

    /** Records a host process the test started, so {@link #destroyAll()} stops it too. */
    public void recordProcess(String name, long pid) {
        try {
            Files.createDirectories(home.resolve("run"));
            Files.writeString(home.resolve("run").resolve(name + ".pid"), pid + "\n");
        } catch (IOException e) {
            throw new MachinesUnavailable("cannot record pid of " + name + ": " + e.getMessage());
        }
    }

    public Path scriptPath(String name) {
        return scripts.resolve(name);
    }

    private String script(String name, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(scripts.resolve(name).toString());
        cmd.addAll(List.of(args));
        Lab.Result r = Lab.exec(SCRIPT_TIMEOUT, cmd.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new MachinesUnavailable("tests/model/machines/" + name + " " + String.join(" ", args) + " exited "
                    + r.exitCode() + ":\n" + Lab.tail(r.output(), 30));
        }
        return r.output();
    }

    /** One running model machine. */
    public final class Machine {
        private final String name;
        private final String address;
        private final Duration launchTook;
        private final String launchOutput;

        Machine(String name, String address, Duration launchTook, String launchOutput) {
            this.name = name;
            this.address = address;
            this.launchTook = launchTook;
            this.launchOutput = launchOutput;
        }

        public String name() {
            return name;
        }

        public String address() {
            return address;
        }

        /** Wall time of launch (create + boot to running/degraded). */
        public Duration launchTook() {
            return launchTook;
        }

        /** Creates (if absent) and boots this machine from the BASE image. */
        public void launch(String base) {
            script("launch", name, base, address);
        }

        /** The launch script's progress lines (boot time, failed units). */
        public String launchOutput() {
            return launchOutput;
        }

        /** Runs a command as root in the machine; returns exit code and combined output. */
        public Lab.Result exec(Duration timeout, String... command) {
            List<String> cmd = new ArrayList<>(List.of(scripts.resolve("exec").toString(), name, "--"));
            cmd.addAll(List.of(command));
            return Lab.exec(timeout, cmd.toArray(String[]::new));
        }

        /** As {@link #exec} but fails (naming the machine and the output's tail) on a non-zero exit. */
        public String run(Duration timeout, String... command) {
            Lab.Result r = exec(timeout, command);
            if (r.exitCode() != 0) {
                throw new AssertionError(name + ": " + String.join(" ", command) + " exited " + r.exitCode() + ":\n"
                        + Lab.tail(r.output(), 30));
            }
            return r.output();
        }

        /** A shell snippet run by /bin/sh -c in the machine, failing on a non-zero exit. */
        public String sh(Duration timeout, String script) {
            return run(timeout, "/bin/sh", "-c", script);
        }

        /** Copies a host file into the machine with owner and mode (set before it appears under its name). */
        public void push(Path source, String target, String owner, String mode) {
            if (!target.startsWith("/") || target.contains("..")) {
                throw new IllegalArgumentException("an absolute path without '..' in the machine: " + target);
            }
            Path inRoot = home.resolve("lxc").resolve(name).resolve("rootfs").resolve(target.substring(1));
            String tmpName = "." + inRoot.getFileName() + ".model-new";
            try {
                Files.createDirectories(inRoot.getParent());
                Path tmpFile = inRoot.resolveSibling(tmpName);
                Files.deleteIfExists(tmpFile);
                // Created root-only, so a secret is never readable in the machine before its mode is set.
                Files.createFile(
                        tmpFile,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                try (var out = Files.newOutputStream(tmpFile)) {
                    Files.copy(source, out);
                }
            } catch (IOException e) {
                throw new MachinesUnavailable("cannot copy " + source + " into " + name + ": " + e.getMessage());
            }
            String tmp = target.substring(0, target.lastIndexOf('/') + 1) + tmpName;
            run(
                    Duration.ofSeconds(30),
                    "/bin/sh",
                    "-c",
                    "chown \"$1\" \"$3\" && chmod \"$2\" \"$3\" && mv \"$3\" \"$4\"",
                    "sh",
                    owner,
                    mode,
                    tmp,
                    target);
        }

        /** Writes text into the machine (owner and mode applied before the file appears under its name). */
        public void write(String target, String content, String owner, String mode) {
            try {
                Path tmp = Files.createTempFile("model-push", ".tmp");
                try {
                    Files.writeString(tmp, content);
                    push(tmp, target, owner, mode);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new MachinesUnavailable("cannot write " + target + " into " + name + ": " + e.getMessage());
            }
        }

        /** LXC's view: RUNNING, STOPPED, ... */
        public String state() {
            return Lab.exec(
                            Duration.ofSeconds(10),
                            "lxc-info",
                            "-P",
                            home.resolve("lxc").toString(),
                            "-n",
                            name,
                            "-sH")
                    .output()
                    .strip();
        }

        /** Memory in use by the machine's cgroup, in bytes (-1 if unknown). */
        public long memoryBytes() {
            String out = Lab.exec(
                            Duration.ofSeconds(10),
                            "lxc-info",
                            "-P",
                            home.resolve("lxc").toString(),
                            "-n",
                            name,
                            "-H",
                            "-S")
                    .output();
            for (String line : out.split("\n")) {
                if (line.startsWith("Memory use:")) {
                    return Long.parseLong(line.substring("Memory use:".length()).strip());
                }
            }
            return -1;
        }

        /** Cuts (false) or restores (true) the machine's link on the host side; the machine keeps running. */
        public void link(boolean up) {
            script("link", up ? "up" : "down", name);
        }

        /** Power as a BMC would: off = every process killed at once (lxc-stop -k), on = booted again. */
        public void power(boolean on) {
            script("power", on ? "on" : "off", name);
        }
    }
}
