package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.StonithDevice;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The MAAS API key for fence_maas, in a file only root can read (pacemaker-fenced runs the agent as
 * root): the CIB holds only this path, so the key is in no CIB, no cibadmin argument, no crm_mon output.
 */
final class MaasKeyFile {
    static final Path PATH = Path.of(StonithDevice.API_KEY_FILE);
    static final FileSpec SPEC = FileSpec.root(0600);

    private MaasKeyFile() {
    }

    /** Writes the key when MAAS is configured, removes a stale one when not. */
    static void apply(Host host, Optional<MaasSettings> maas) {
        if (maas.isPresent()) {
            host.files().write(PATH, (maas.get().apiKey() + "\n").getBytes(StandardCharsets.UTF_8), SPEC);
        } else {
            host.files().delete(PATH);
        }
    }
}
