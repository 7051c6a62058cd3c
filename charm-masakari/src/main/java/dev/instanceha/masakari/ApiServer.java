package dev.instanceha.masakari;

import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Secret;
import dev.instanceha.ops.resource.DesiredState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the distribution runs masakari-api. Debian ships it under uwsgi with its own init script;
 * Ubuntu under apache2 with mod_wsgi. Detected from what the packages installed, not assumed.
 */
public sealed interface ApiServer permits ApiServer.Uwsgi, ApiServer.Apache {
    int PORT = 15868;
    String ENGINE = "masakari-engine";
    Path UWSGI_INI = Path.of("/etc/masakari/masakari-api-uwsgi.ini");

    static ApiServer detect(Host host) {
        return host.files().exists(UWSGI_INI) ? new Uwsgi() : new Apache();
    }

    /** Packages on top of masakari-api/-engine that this flavour needs. */
    List<String> extraPackages();

    /** The service that serves the API. */
    String service();

    /** The daemons the charm runs, in start order: the API, then the engine. */
    default List<String> daemons() {
        return List.of(service(), ENGINE);
    }

    /** Declares this flavour's own files (vhost, TLS material). */
    void declare(DesiredState desired, Optional<TlsMaterial> tls, int workers);

    /** The key (private directory) and the certificate with its chain, where this flavour reads them. */
    default void declareKeyAndCertificate(DesiredState desired, TlsMaterial tls) {
        desired.directory(keyFile().getParent(), MasakariFiles.SECRET_DIR)
                .file(keyFile(), tls.keyPem().reveal(), MasakariFiles.SECRET)
                .file(certFile(), tls.fullChainPem(), MasakariFiles.PUBLIC);
    }

    /** Enables what is not a file (apache's site and modules); true if anything changed. */
    default boolean enable(Host host, Optional<TlsMaterial> tls) {
        return false;
    }

    /** Where this flavour keeps the server key and certificate (with chain). */
    Path keyFile();

    Path certFile();

    /**
     * The TLS material the API serves with now, read back from its files, spelled so that writing it
     * again changes nothing; empty when the API serves plain http.
     */
    default Optional<TlsMaterial> installedTls(Host host) {
        Optional<byte[]> key = host.files().read(keyFile());
        Optional<byte[]> cert = host.files().read(certFile());
        if (key.isEmpty() || cert.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsMaterial(
                new String(cert.get(), java.nio.charset.StandardCharsets.UTF_8),
                Secret.of(new String(key.get(), java.nio.charset.StandardCharsets.UTF_8)),
                Optional.empty(),
                Optional.empty()));
    }

    /** Debian: uwsgi started by /etc/init.d/masakari-api, HTTPS when a key and cert sit in /etc/masakari/ssl. */
    record Uwsgi() implements ApiServer {
        static final Path KEY = Path.of("/etc/masakari/ssl/private/masakari-api.pem");
        static final Path CERT = Path.of("/etc/masakari/ssl/public/masakari-api.crt");

        @Override
        public List<String> extraPackages() {
            return List.of();
        }

        @Override
        public Path keyFile() {
            return KEY;
        }

        @Override
        public Path certFile() {
            return CERT;
        }

        @Override
        public String service() {
            return "masakari-api";
        }

        @Override
        public void declare(DesiredState desired, Optional<TlsMaterial> tls, int workers) {
            if (tls.isPresent()) {
                desired.directory(CERT.getParent(), MasakariFiles.PUBLIC_DIR);
                declareKeyAndCertificate(desired, tls.get());
            } else {
                desired.absent(KEY).absent(CERT);
            }
        }
    }

    /** Ubuntu: masakari-wsgi in an apache2 virtual host this charm writes, TLS terminated there. */
    record Apache() implements ApiServer {
        static final Path SITE = Path.of("/etc/apache2/sites-available/masakari-api.conf");
        static final Path ENABLED = Path.of("/etc/apache2/sites-enabled/masakari-api.conf");
        static final Path KEY = Path.of("/etc/apache2/ssl/masakari/key.pem");
        static final Path CERT = Path.of("/etc/apache2/ssl/masakari/cert.pem");

        @Override
        public List<String> extraPackages() {
            return List.of("apache2", "libapache2-mod-wsgi-py3");
        }

        @Override
        public Path keyFile() {
            return KEY;
        }

        @Override
        public Path certFile() {
            return CERT;
        }

        @Override
        public String service() {
            return "apache2";
        }

        @Override
        public void declare(DesiredState desired, Optional<TlsMaterial> tls, int workers) {
            if (tls.isPresent()) {
                declareKeyAndCertificate(desired, tls.get());
            }
            desired.file(SITE, site(tls.isPresent(), workers), dev.instanceha.ops.host.FileSpec.root(0644));
        }

        @Override
        public boolean enable(Host host, Optional<TlsMaterial> tls) {
            boolean changed = false;
            if (!host.files().exists(ENABLED)) {
                host.commands().check(dev.instanceha.ops.host.Command.of("a2ensite", "masakari-api"));
                changed = true;
            }
            if (tls.isPresent()) {
                changed |= !host.commands()
                                .run(dev.instanceha.ops.host.Command.of("a2query", "-m", "ssl"))
                                .succeeded()
                        && host.commands()
                                .check(dev.instanceha.ops.host.Command.of("a2enmod", "ssl"))
                                .succeeded();
            }
            return changed;
        }

        static String site(boolean tls, int workers) {
            StringBuilder out = new StringBuilder("# Managed by Juju (masakari charm)\n");
            out.append("Listen ").append(PORT).append('\n');
            out.append("<VirtualHost *:").append(PORT).append(">\n");
            out.append("    WSGIDaemonProcess masakari processes=")
                    .append(workers)
                    .append(" threads=1 user=masakari group=masakari display-name=%{GROUP}\n");
            out.append("    WSGIProcessGroup masakari\n    WSGIScriptAlias / /usr/bin/masakari-wsgi\n");
            out.append("    WSGIApplicationGroup %{GLOBAL}\n    WSGIPassAuthorization On\n");
            out.append("    LimitRequestBody 114688\n");
            if (tls) {
                out.append("    SSLEngine on\n    SSLCertificateFile ")
                        .append(CERT)
                        .append('\n');
                out.append("    SSLCertificateKeyFile ").append(KEY).append('\n');
                out.append("    SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n");
            }
            out.append("    ErrorLog /var/log/apache2/masakari_error.log\n");
            out.append("    CustomLog /var/log/apache2/masakari_access.log combined\n");
            out.append("</VirtualHost>\n");
            return out.toString();
        }
    }
}
