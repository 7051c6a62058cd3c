package dev.instanceha.interfaces.db;

import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.model.Secret;
import java.util.Optional;

/** A database this unit may use, as granted on shared-db. */
public record DatabaseAccess(
        String host,
        int port,
        String database,
        String username,
        Secret password,
        Optional<String> sslCaPem,
        Optional<String> sslCertPem,
        Optional<Secret> sslKeyPem,
        Optional<Integer> waitTimeout) {

    /** SQLAlchemy URL as oslo.db takes it ({@code [database] connection}); credentials percent-encoded. */
    public String connectionUrl() {
        return "mysql+pymysql://" + Net.percentEncode(username) + ":" + Net.percentEncode(password.reveal()) + "@"
                + Net.urlHost(host) + ":" + port + "/" + Net.percentEncode(database);
    }

    @Override
    public String toString() {
        return "DatabaseAccess[host=" + host + ", port=" + port + ", database=" + database + ", username="
                + username + ", password=" + password + ", sslCa="
                + (sslCaPem.isPresent() ? "present" : "absent") + ", sslCert="
                + (sslCertPem.isPresent() ? "present" : "absent") + ", sslKey="
                + (sslKeyPem.isPresent() ? "present" : "absent") + ", waitTimeout=" + waitTimeout + "]";
    }
}
