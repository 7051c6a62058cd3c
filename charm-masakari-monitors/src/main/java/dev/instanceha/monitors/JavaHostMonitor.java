package dev.instanceha.monitors;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.resource.Daemon;
import dev.instanceha.ops.resource.DesiredState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * masakari-hostmonitor-java (module hostmonitor-patch), installed from the copy this charm ships
 * under {@code hostmonitor/}: jar, launcher and systemd unit go where that module's README puts
 * them, plus a drop-in that points the launcher at the Java the charm itself runs on (the
 * machine's default java may be older than 17). The resource layer reloads systemd when the unit
 * or the drop-in changed or went away.
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
    static final Path DROP_IN =
            Path.of("/etc/systemd/system").resolve(UNIT_NAME + ".d").resolve("juju-java.conf");
    /** What the daemon runs from: a change to any of them restarts it. */
    static final List<Path> INSTALLED = List.of(JAR, LAUNCHER, UNIT, DROP_IN);

    static final String NEEDS_SYSTEMD = "config 'host-monitor' is java, which runs as a systemd service, and this "
            + "machine has no systemd: set host-monitor=upstream";
    static final String NOT_SHIPPED = "config 'host-monitor' is java but this charm build ships no "
            + "masakari-hostmonitor-java (hostmonitor/ missing): set host-monitor=upstream";

    private JavaHostMonitor() {}

    /**
     * Declares the daemon's files.
     *
     * @param charmDir the unpacked charm
     * @param javaHome the Java (17+) the daemon runs on
     * @throws StatusException (blocked) when it cannot be installed here
     */
    static void declare(DesiredState desired, Host host, Path charmDir, String javaHome) {
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
        desired.directory(JAR.getParent(), FileSpec.root(0755))
                .directory(DROP_IN.getParent(), FileSpec.root(0755))
                .file(JAR, jar.get(), FileSpec.root(0644))
                .file(LAUNCHER, launcher.get(), FileSpec.root(0755))
                .file(UNIT, unit.get(), FileSpec.root(0644))
                .file(DROP_IN, dropIn(javaHome), FileSpec.root(0644));
    }

    /** Stopped, and what {@link #declare} put there removed. */
    static void declareRemoved(DesiredState desired) {
        desired.daemon(Daemon.stopped(SERVICE));
        INSTALLED.forEach(desired::absent);
    }

    private static String dropIn(String javaHome) {
        return "# Managed by Juju (masakari-monitors charm): the Java 17+ the charm runs on.\n"
                + "[Service]\nEnvironment=JAVA_HOME=" + javaHome + "\n";
    }
}
