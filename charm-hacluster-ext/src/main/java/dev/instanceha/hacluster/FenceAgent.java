package dev.instanceha.hacluster;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fence_maas agent (this project's stonith-maas module) where pacemaker-fenced looks for
 * agents. The charm ships it under {@code fence-maas/} (the wrapper and its jar, as stonith-maas's
 * install.sh lays them out) and installs or updates it; an agent installed by hand is used when a
 * charm build ships none. Without either the MAAS device is not created and the unit says why.
 */
final class FenceAgent {
    static final Path PATH = Path.of("/usr/sbin/fence_maas");
    static final Path JAR = Path.of("/usr/share/fence-maas/fence-maas.jar");
    static final Path SHIPPED = Path.of("fence-maas");
    static final String MISSING = "fence_maas is not installed (/usr/sbin/fence_maas): install it from "
            + "stonith-maas on every hacluster unit to enable MAAS fencing";

    private FenceAgent() {}

    /** Installs the shipped agent when the charm carries one; true when an agent is in place. */
    static boolean ensure(Host host, Path charmDir) {
        Optional<byte[]> wrapper = host.files().read(charmDir.resolve(SHIPPED).resolve("fence_maas"));
        Optional<byte[]> jar = host.files().read(charmDir.resolve(SHIPPED).resolve("fence-maas.jar"));
        if (wrapper.isPresent() && jar.isPresent()) {
            host.files().ensureDirectory(JAR.getParent(), FileSpec.root(0755));
            // The jar first: a new wrapper must never start an old jar half-written.
            host.files().write(JAR, jar.get(), FileSpec.root(0644));
            host.files().write(PATH, wrapper.get(), FileSpec.root(0755));
        }
        return host.files().exists(PATH);
    }
}
