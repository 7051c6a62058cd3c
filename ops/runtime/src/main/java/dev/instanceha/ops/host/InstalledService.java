package dev.instanceha.ops.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A service some package installed, found by what is on disk rather than assumed: a systemd unit
 * where systemd runs the machine, an init script where it does not (Debian containers, the lab).
 * Packagings name the same daemon differently, so callers pass every name they know.
 */
public record InstalledService(String name) {
    public static final List<Path> UNIT_DIRS =
            List.of(Path.of("/etc/systemd/system"), Path.of("/lib/systemd/system"), Path.of("/usr/lib/systemd/system"));
    public static final Path INIT_DIR = Path.of("/etc/init.d");

    /** The first of {@code names} the machine provides as a service; empty when none is installed. */
    public static Optional<InstalledService> detect(Host host, List<String> names) {
        boolean systemd = isSystemd(host);
        for (String name : names) {
            boolean present = systemd
                    ? UNIT_DIRS.stream().anyMatch(dir -> host.files().exists(dir.resolve(name + ".service")))
                    : host.files().exists(INIT_DIR.resolve(name));
            if (present) {
                return Optional.of(new InstalledService(name));
            }
        }
        return Optional.empty();
    }

    public static boolean isSystemd(Host host) {
        return "systemd".equals(host.services().manager());
    }

    /** Its init script (Debian's scripts also read /etc/default/&lt;name&gt;). */
    public Path initScript() {
        return INIT_DIR.resolve(name);
    }
}
