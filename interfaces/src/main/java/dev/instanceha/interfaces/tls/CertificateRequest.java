package dev.instanceha.interfaces.tls;

import java.util.List;
import java.util.TreeSet;

/** One server certificate to ask for: a common name and its subject alternative names. */
public record CertificateRequest(String commonName, List<String> sans) {
    public CertificateRequest {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("commonName must not be blank");
        }
        // Sorted and unique, as charm-helpers' CertRequest sends them: stable bytes on the wire.
        sans = List.copyOf(new TreeSet<>(sans == null ? List.of() : sans));
    }
}
