package dev.instanceha.masakari;

import dev.instanceha.interfaces.db.DatabaseAccess;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.render.IniDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files masakari reads: its config and the CA/cert/key files the config points at. Readable by
 * root and the masakari group only, since the config holds the database and service passwords.
 */
public final class MasakariFiles {
    public static final Path KEYSTONE_CA = Path.of("/etc/masakari/keystone-ca.pem");
    static final FileSpec CONFIG = new FileSpec("root", "masakari", 0640);
    static final FileSpec SECRET = new FileSpec("root", "masakari", 0640);
    static final FileSpec PUBLIC = FileSpec.root(0644);
    static final FileSpec SECRET_DIR = new FileSpec("root", "masakari", 0750);
    static final FileSpec PUBLIC_DIR = FileSpec.root(0755);

    private MasakariFiles() {
    }

    /** Writes masakari.conf and its side files; true when anything a service reads changed. */
    public static boolean apply(Host host, MasakariConfFile.Inputs in) {
        boolean changed = false;
        changed |= optionalFile(host, KEYSTONE_CA, in.identity().caCertPem(), PUBLIC);
        changed |= optionalFile(host, MasakariConfFile.RABBIT_CA, in.amqp().sslCaPem(), PUBLIC);
        DatabaseAccess db = in.database();
        if (db.sslCaPem().isPresent()) {
            changed |= host.files().ensureDirectory(MasakariConfFile.DB_SSL_DIR, SECRET_DIR);
        }
        changed |= optionalFile(host, MasakariConfFile.DB_SSL_DIR.resolve("ca.pem"), db.sslCaPem(), SECRET);
        changed |= optionalFile(host, MasakariConfFile.DB_SSL_DIR.resolve("cert.pem"), db.sslCertPem(), SECRET);
        changed |= optionalFile(host, MasakariConfFile.DB_SSL_DIR.resolve("key.pem"), db.sslKeyPem(), SECRET);
        changed |= host.files().write(MasakariConfFile.PATH, rendered(in), CONFIG);
        return changed;
    }

    /** The file's bytes; a value it cannot hold blocks the unit (naming the option) instead of failing the hook. */
    static byte[] rendered(MasakariConfFile.Inputs in) {
        try {
            return MasakariConfFile.render(in).bytes();
        } catch (IniDocument.UnrepresentableValueException e) {
            throw new StatusException(Status.blocked(MasakariConfFile.PATH.getFileName() + " [" + e.section() + "] "
                    + e.key() + ": the value has a line break, which oslo.config cannot hold; fix where it comes from"));
        }
    }

    private static boolean optionalFile(Host host, Path path, Optional<String> pem, FileSpec spec) {
        if (pem.isEmpty()) {
            return host.files().delete(path);
        }
        return host.files().write(path, pem.get().getBytes(StandardCharsets.UTF_8), spec);
    }
}
