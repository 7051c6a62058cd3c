package dev.instanceha.interfaces.tls;

import dev.instanceha.interfaces.Redact;

/** A certificate and its private key, as the CA answered one request. */
public record IssuedCertificate(String commonName, String certPem, String keyPem) {
    @Override
    public String toString() {
        return "IssuedCertificate[commonName=" + commonName + ", cert=present, key=" + Redact.secret(keyPem) + "]";
    }
}
