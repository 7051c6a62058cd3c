package dev.instanceha.remote;

import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import java.nio.file.Path;

/**
 * /etc/pacemaker/authkey, the cluster's shared secret that pacemaker-remoted authenticates the
 * cluster with (TLS-PSK). Readable by hacluster:haclient only: upstream's 0444 let every local user
 * read the key that drives the daemon.
 */
final class AuthKeyFile {
    static final Path PATH = Path.of("/etc/pacemaker/authkey");
    static final FileSpec SPEC = new FileSpec("hacluster", "haclient", 0440);

    private AuthKeyFile() {
    }

    /**
     * Writes the key atomically with its owner and mode.
     *
     * @return true when the key's content changed (a mode or owner fix alone needs no restart)
     */
    static boolean write(Host host, PacemakerKey key) {
        return host.files().writeReportingContentChange(PATH, key.bytes(), SPEC);
    }

    /** Removes the key of a cluster this node no longer belongs to; true if there was one. */
    static boolean remove(Host host) {
        return host.files().delete(PATH);
    }
}
