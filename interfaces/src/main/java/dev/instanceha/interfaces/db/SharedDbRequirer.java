package dev.instanceha.interfaces.db;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.interfaces.tls.KeyPairCheck;
import dev.instanceha.ops.model.Endpoint;
import java.util.List;
import java.util.Optional;

/**
 * The requiring side of interface {@code mysql-shared} (endpoint {@code shared-db}), for one
 * (optionally prefixed) database. Works against percona-cluster / mysql-innodb-cluster directly and
 * against a mysql-router subordinate, which answers with db_host=its local address, db_port and
 * allowed_units=the single principal unit.
 */
public final class SharedDbRequirer {
    public static final String ENDPOINT = "shared-db";
    static final int DEFAULT_PORT = 3306;

    private final Endpoint endpoint;

    public SharedDbRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Asks for the database, from this unit's address on the endpoint (the grant is per host). */
    public void request(DatabaseRequest request) {
        endpoint.publish(request.unitData(endpoint.address()));
    }

    /**
     * Complete when some provider unit published db_host and our password, and lists this unit in
     * allowed_units: the grant for our hostname exists only then.
     */
    public Completeness<DatabaseAccess> read(DatabaseRequest request) {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        return UnitSelection.firstComplete(
                ENDPOINT, RemoteUnit.all(endpoint.relations()), unit -> parse(unit, request));
    }

    /**
     * The network the provider wants us to connect from, if it asked (then {@code hostname} must be
     * re-sent with our address on that network).
     */
    public Optional<String> accessNetwork() {
        for (RemoteUnit unit : RemoteUnit.all(endpoint.relations())) {
            Optional<String> network = unit.reader().text("access-network");
            if (network.isPresent()) {
                return network;
            }
        }
        return Optional.empty();
    }

    Completeness<DatabaseAccess> parse(RemoteUnit unit, DatabaseRequest request) {
        String localUnit = endpoint.localUnit();
        FieldReader r = unit.reader();
        // percona-cluster sets this while its series upgrade runs; upstream treats the DB as gone.
        if (r.text("cluster-series-upgrading").filter("True"::equals).isPresent()) {
            r.problem("'cluster-series-upgrading' is True");
            return Completeness.incomplete(r.summary());
        }
        String host = r.requiredHost("db_host");
        int port = r.port("db_port").orElse(DEFAULT_PORT);
        String password = r.requiredText(request.key("password"));
        String allowedKey = request.key("allowed_units");
        Optional<List<String>> allowed = r.words(allowedKey);
        if (allowed.isEmpty() && !r.has(allowedKey)) {
            r.problem("missing '" + allowedKey + "'");
        } else if (allowed.isPresent() && !allowed.get().contains(localUnit)) {
            r.problem("'" + allowedKey + "' does not list " + localUnit);
        }
        Optional<String> ca = r.base64Pem("ssl_ca");
        Optional<String> cert = r.base64Pem("ssl_cert");
        Optional<String> key = r.base64Pem("ssl_key");
        if (cert.isPresent() != key.isPresent()) {
            r.problem("'ssl_cert' and 'ssl_key' must come together");
        }
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(p -> r.problem("'ssl_ca' " + p));
        if (cert.isPresent() && key.isPresent()) {
            KeyPairCheck.check(cert.get(), key.get())
                    .ifPresent(p -> r.problem("'" + (p.part() == KeyPairCheck.Part.KEY ? "ssl_key" : "ssl_cert") + "' "
                            + p.description()));
        }
        Optional<Integer> waitTimeout = r.positiveInt("wait_timeout");
        return r.result(() -> new DatabaseAccess(
                host,
                port,
                request.database(),
                request.username(),
                endpoint.secret(password),
                ca,
                cert,
                key.map(endpoint::secret),
                waitTimeout));
    }
}
