package dev.instanceha.interfaces.tls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.Json;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.ops.model.Endpoint;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The requiring side of interface {@code tls-certificates} (endpoint {@code certificates}), in the
 * multi-request form OpenStack charms use (charm-helpers cert_utils): {@code cert_requests} and
 * {@code unit_name} out; {@code ca}, {@code chain} and {@code <unit_name>.processed_requests} back.
 */
public final class CertificatesRequirer {
    public static final String ENDPOINT = "certificates";

    private final Endpoint endpoint;
    private final String unitName;

    public CertificatesRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
        // The provider keys its answer by unit name with '/' replaced, since '/' is used in its own keys.
        this.unitName = endpoint.localUnit().replace('/', '_');
    }

    /** The key under which the provider answers us. */
    public String processedRequestsKey() {
        return unitName + ".processed_requests";
    }

    public boolean isRelated() {
        return endpoint.isRelated();
    }

    /** Asks for one certificate per request (common name and SANs). */
    public void request(List<CertificateRequest> requests) {
        endpoint.publish(unitData(requests));
    }

    Map<String, String> unitData(List<CertificateRequest> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("at least one certificate request is needed");
        }
        Map<String, Object> byCn = new TreeMap<>();
        for (CertificateRequest request : requests) {
            byCn.put(request.commonName(), Map.of("sans", request.sans()));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("cert_requests", Json.encode(byCn));
        data.put("unit_name", unitName);
        return data;
    }

    /**
     * Complete when one provider unit has a CA and a certificate and key for every common name we
     * asked for. Units without a CA are ignored, as upstream does since LP #2028683.
     */
    public Completeness<CertificateBundle> read(List<CertificateRequest> requests) {
        return read(requests, (cert, key) -> false);
    }

    /**
     * Like {@link #read(List)}, but a certificate and key that {@code inUse} recognises (what the
     * server already runs with, checked when it was installed) are not parsed and paired again:
     * that costs a few hundred milliseconds of a cold JVM in every hook.
     */
    public Completeness<CertificateBundle> read(List<CertificateRequest> requests, BiPredicate<String, String> inUse) {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        return UnitSelection.firstComplete(
                ENDPOINT, RemoteUnit.all(endpoint.relations()), unit -> parse(unit, requests, inUse));
    }

    /**
     * Whether any provider unit has answered at all (a CA or our processed requests): then an
     * incomplete read means the answer is unusable, not merely not there yet.
     */
    public boolean answered() {
        return RemoteUnit.all(endpoint.relations()).stream()
                .map(RemoteUnit::reader)
                .anyMatch(r -> r.has("ca") || r.has(processedRequestsKey()));
    }

    private Completeness<CertificateBundle> parse(
            RemoteUnit unit, List<CertificateRequest> requests, BiPredicate<String, String> inUse) {
        FieldReader r = unit.reader();
        Optional<String> ca = r.pem("ca");
        if (ca.isEmpty() && r.ok()) {
            r.problem("missing 'ca'");
        }
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(p -> r.problem("'ca' " + p));
        Optional<String> chain = r.pem("chain");
        chain.flatMap(KeyPairCheck::certificateProblem).ifPresent(p -> r.problem("'chain' " + p));
        String key = processedRequestsKey();
        Optional<JsonNode> processed = r.json(key);
        Map<String, IssuedCertificate> issued = new HashMap<>();
        if (processed.isEmpty() && r.ok()) {
            r.problem("missing '" + key + "'");
        } else if (processed.isPresent() && !processed.get().isObject()) {
            r.problem("'" + key + "' is not a JSON object");
        } else if (processed.isPresent()) {
            for (CertificateRequest request : requests) {
                issue(r, key, processed.get().get(request.commonName()), request.commonName(), inUse)
                        .ifPresent(c -> issued.put(c.commonName(), c));
            }
        }
        return r.result(() -> new CertificateBundle(ca.get(), chain, issued));
    }

    private Optional<IssuedCertificate> issue(
            FieldReader r, String key, JsonNode entry, String cn, BiPredicate<String, String> inUse) {
        if (entry == null || entry.isNull()) {
            r.problem("'" + key + "' has no certificate for " + cn);
            return Optional.empty();
        }
        JsonNode cert = entry.get("cert");
        JsonNode privateKey = entry.get("key");
        if (cert == null || !cert.isTextual() || privateKey == null || !privateKey.isTextual()) {
            r.problem("'" + key + "' entry for " + cn + " needs text 'cert' and 'key'");
            return Optional.empty();
        }
        // Reuse the PEM checks by reading the two values as if they were keys of their own.
        FieldReader pem = new FieldReader(
                r.source(),
                Map.of(key + "[" + cn + "].cert", cert.asText(), key + "[" + cn + "].key", privateKey.asText()));
        Optional<String> certPem = pem.pem(key + "[" + cn + "].cert");
        Optional<String> keyPem = pem.pem(key + "[" + cn + "].key");
        pem.problems().forEach(r::problem);
        if (certPem.isEmpty() || keyPem.isEmpty()) {
            if (pem.ok()) {
                r.problem("'" + key + "' entry for " + cn + " has an empty 'cert' or 'key'");
            }
            return Optional.empty();
        }
        Optional<KeyPairCheck.Problem> pair = inUse.test(certPem.get(), keyPem.get())
                ? Optional.empty()
                : KeyPairCheck.check(certPem.get(), keyPem.get());
        if (pair.isPresent()) {
            String part = pair.get().part() == KeyPairCheck.Part.KEY ? "key" : "cert";
            r.problem("'" + key + "' entry for " + cn + ": '" + part + "' "
                    + pair.get().description());
            return Optional.empty();
        }
        return Optional.of(new IssuedCertificate(cn, certPem.get(), endpoint.secret(keyPem.get())));
    }
}
