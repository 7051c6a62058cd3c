package dev.instanceha.remote;

import dev.instanceha.ops.host.FileSpec;
import java.nio.file.Path;

/**
 * /etc/pacemaker/authkey, the cluster's shared secret that pacemaker-remoted authenticates the
 * cluster with (TLS-PSK). Readable by hacluster:haclient only: upstream's 0444 let every local user
 * read the key that drives the daemon.
 */
final class AuthKeyFile {
    static final Path PATH = Path.of("/etc/pacemaker/authkey");
    static final FileSpec SPEC = new FileSpec("hacluster", "haclient", 0440);

    private AuthKeyFile() {}
}
