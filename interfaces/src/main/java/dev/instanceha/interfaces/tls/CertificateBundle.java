package dev.instanceha.interfaces.tls;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the CA (vault, easyrsa) answered: its CA certificate, chain, and one cert/key per request. */
public record CertificateBundle(String caPem, Optional<String> chainPem, Map<String, IssuedCertificate> certificates) {
    public CertificateBundle {
        certificates = Map.copyOf(certificates);
    }

    /** Certificates by common name, sorted. */
    public TreeMap<String, IssuedCertificate> sorted() {
        return new TreeMap<>(certificates);
    }

    @Override
    public String toString() {
        return "CertificateBundle[ca=present, chain=" + (chainPem.isPresent() ? "present" : "absent")
                + ", certificates=" + sorted().values() + "]";
    }
}
