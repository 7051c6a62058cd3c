package dev.instanceha.masakari;

import dev.instanceha.interfaces.db.DatabaseAccess;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.Secret;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.render.IniDocument;
import dev.instanceha.ops.resource.DesiredState;
import java.nio.file.Path;

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

    private MasakariFiles() {}

    /** Declares masakari.conf and the CA/cert/key files it points at. */
    public static void declare(DesiredState desired, MasakariConfFile.Inputs in) {
        DatabaseAccess db = in.database();
        desired.file(KEYSTONE_CA, in.identity().caCertPem(), PUBLIC)
                .file(MasakariConfFile.RABBIT_CA, in.amqp().sslCaPem(), PUBLIC);
        if (db.sslCaPem().isPresent()) {
            desired.directory(MasakariConfFile.DB_SSL_DIR, SECRET_DIR);
        }
        desired.file(MasakariConfFile.DB_SSL_DIR.resolve("ca.pem"), db.sslCaPem(), SECRET)
                .file(MasakariConfFile.DB_SSL_DIR.resolve("cert.pem"), db.sslCertPem(), SECRET)
                .file(
                        MasakariConfFile.DB_SSL_DIR.resolve("key.pem"),
                        db.sslKeyPem().map(Secret::reveal),
                        SECRET)
                .file(MasakariConfFile.PATH, rendered(in), CONFIG);
    }

    /** The file's bytes; a value it cannot hold blocks the unit (naming the option) instead of failing the hook. */
    static byte[] rendered(MasakariConfFile.Inputs in) {
        try {
            return MasakariConfFile.render(in).bytes();
        } catch (IniDocument.UnrepresentableValueException e) {
            throw new StatusException(
                    Status.blocked(MasakariConfFile.PATH.getFileName() + " [" + e.section() + "] " + e.key()
                            + ": the value has a line break, which oslo.config cannot hold; fix where it comes from"));
        }
    }
}
