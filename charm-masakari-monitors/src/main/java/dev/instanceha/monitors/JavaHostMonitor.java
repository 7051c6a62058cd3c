package dev.instanceha.monitors;

import dev.instanceha.ops.host.InstalledService;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * masakari-hostmonitor-java (module hostmonitor-patch), installed from the copy this charm ships
 * under {@code hostmonitor/}: jar, launcher and systemd unit go where that module's README puts
 * them, plus a drop-in that points the launcher at the Java the charm itself runs on (the
 * machine's default java may be older than 17).
 */
final class JavaHostMonitor {
    static final String SERVICE = "masakari-hostmonitor-java";
    /** Inside the unpacked charm. */
    static final Path SHIPPED = Path.of("hostmonitor");
    static final String JAR_NAME = "masakari-hostmonitor.jar";
    static final String LAUNCHER_NAME = "masakari-hostmonitor-java";
    static final String UNIT_NAME = SERVICE + ".service";
    static final Path JAR = Path.of("/usr/share/masakari-hostmonitor-java").resolve(JAR_NAME);
    static final Path LAUNCHER = Path.of("/usr/bin").resolve(LAUNCHER_NAME);
    static final Path UNIT = Path.of("/etc/systemd/system").resolve(UNIT_NAME);
    static final Path DROP_IN = Path.of("/etc/systemd/system").resolve(UNIT_NAME + ".d").resolve("juju-java.conf");
    static final Command DAEMON_RELOAD = Command.of("systemctl", "daemon-reload");
    static final String NEEDS_SYSTEMD = "config 'host-monitor' is java, which runs as a systemd service, and this "
            + "machine has no systemd: set host-monitor=upstream";
    static final String NOT_SHIPPED = "config 'host-monitor' is java but this charm build ships no "
            + "masakari-hostmonitor-java (hostmonitor/ missing): set host-monitor=upstream";

    private JavaHostMonitor() {
    }

    /**
     * Installs or updates the daemon's files.
     *
     * @param charmDir the unpacked charm
     * @param javaHome the Java (17+) the daemon runs on
     * @return true when a file the daemon runs from changed (restart it)
     * @throws StatusException (blocked) when it cannot be installed here
     */
    static boolean install(Host host, Path charmDir, String javaHome) {
        if (!MonitorService.isSystemd(host)) {
            throw new StatusException(Status.blocked(NEEDS_SYSTEMD));
        }
        Path shipped = charmDir.resolve(SHIPPED);
        Optional<byte[]> jar = host.files().read(shipped.resolve(JAR_NAME));
        Optional<byte[]> launcher = host.files().read(shipped.resolve(LAUNCHER_NAME));
        Optional<byte[]> unit = host.files().read(shipped.resolve(UNIT_NAME));
        if (jar.isEmpty() || launcher.isEmpty() || unit.isEmpty()) {
            throw new StatusException(Status.blocked(NOT_SHIPPED));
        }
        host.files().ensureDirectory(JAR.getParent(), FileSpec.root(0755));
        host.files().ensureDirectory(DROP_IN.getParent(), FileSpec.root(0755));
        boolean changed = host.files().write(JAR, jar.get(), FileSpec.root(0644));
        changed |= host.files().write(LAUNCHER, launcher.get(), FileSpec.root(0755));
        boolean unitChanged = host.files().write(UNIT, unit.get(), FileSpec.root(0644));
        unitChanged |= host.files().write(DROP_IN, dropIn(javaHome), FileSpec.root(0644));
        if (unitChanged) {
            host.commands().check(DAEMON_RELOAD);
        }
        return changed || unitChanged;
    }

    /** Stops it and removes what {@link #install} put there; true if anything was removed. */
    static boolean uninstall(Host host) {
        if (!host.files().exists(UNIT)) {
            return false;
        }
        new MonitorService(Monitor.HOST_JAVA, new InstalledService(SERVICE)).stop(host);
        for (Path path : List.of(DROP_IN, UNIT, LAUNCHER, JAR)) {
            host.files().delete(path);
        }
        if (MonitorService.isSystemd(host)) {
            host.commands().check(DAEMON_RELOAD);
        }
        return true;
    }

    private static byte[] dropIn(String javaHome) {
        return ("# Managed by Juju (masakari-monitors charm): the Java 17+ the charm runs on.\n"
                + "[Service]\nEnvironment=JAVA_HOME=" + javaHome + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
