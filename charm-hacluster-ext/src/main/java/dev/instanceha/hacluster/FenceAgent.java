package dev.instanceha.hacluster;

import dev.instanceha.ops.host.Host;
import java.nio.file.Path;

/**
 * The fence_maas agent (this project's stonith-maas module) where pacemaker-fenced looks for
 * agents. The charm does not ship it: the operator installs it with stonith-maas's install.sh,
 * and until then the MAAS device is not created and the unit says why.
 */
final class FenceAgent {
    static final Path PATH = Path.of("/usr/sbin/fence_maas");
    static final String MISSING = "fence_maas is not installed (/usr/sbin/fence_maas): install it from "
            + "stonith-maas on every hacluster unit to enable MAAS fencing";

    private FenceAgent() {
    }

    static boolean installed(Host host) {
        return host.files().exists(PATH);
    }
}
