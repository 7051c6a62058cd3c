package dev.instanceha.interfaces.db;

import dev.instanceha.interfaces.Net;
import dev.instanceha.interfaces.Redact;
import java.util.Optional;

/** A database this unit may use, as granted on shared-db. */
public record DatabaseAccess(String host, int port, String database, String username, String password,
                             Optional<String> sslCaPem, Optional<String> sslCertPem, Optional<String> sslKeyPem,
                             Optional<Integer> waitTimeout) {

    /** SQLAlchemy URL as oslo.db takes it ({@code [database] connection}); credentials percent-encoded. */
    public String connectionUrl() {
        return "mysql+pymysql://" + Net.percentEncode(username) + ":" + Net.percentEncode(password) + "@"
                + Net.urlHost(host) + ":" + port + "/" + Net.percentEncode(database);
    }

    @Override
    public String toString() {
        return "DatabaseAccess[host=" + host + ", port=" + port + ", database=" + database + ", username="
                + username + ", password=" + Redact.secret(password) + ", sslCa="
                + (sslCaPem.isPresent() ? "present" : "absent") + ", sslCert="
                + (sslCertPem.isPresent() ? "present" : "absent") + ", sslKey="
                + Redact.secret(sslKeyPem.orElse(null)) + ", waitTimeout=" + waitTimeout + "]";
    }
}
