package dev.instanceha.interfaces.tls;

import dev.instanceha.ops.model.Secret;

/** A certificate and its private key, as the CA answered one request. */
public record IssuedCertificate(String commonName, String certPem, Secret keyPem) {
    @Override
    public String toString() {
        return "IssuedCertificate[commonName=" + commonName + ", cert=present, key=" + keyPem + "]";
    }
}
