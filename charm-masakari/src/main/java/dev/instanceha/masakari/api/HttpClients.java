package dev.instanceha.masakari.api;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** HTTP clients that trust the JRE's CAs plus, when given, the CA a relation handed us. */
public final class HttpClients {
    private HttpClients() {
    }

    public static HttpClient trusting(Optional<String> caPem) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15));
        if (caPem.isPresent()) {
            builder.sslContext(context(caPem.get()));
        }
        return builder.build();
    }

    static SSLContext context(String caPem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int i = 0;
            for (javax.net.ssl.TrustManager manager : defaults.getTrustManagers()) {
                if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                    for (java.security.cert.X509Certificate cert : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("system-" + i++, cert);
                    }
                }
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Certificate cert : factory.generateCertificates(
                    new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("relation-" + i++, cert);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new ApiException(0, "the CA certificate from the relation cannot be used: " + e.getMessage());
        }
    }
}
