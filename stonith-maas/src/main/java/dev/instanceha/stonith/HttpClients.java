package dev.instanceha.stonith;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the JDK HttpClient with the TLS trust the operator asked for. */
public final class HttpClients {
    private HttpClients() {
    }

    public static HttpClient create(AgentConfig config) throws BadParameterException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        try {
            if (config.insecure()) {
                // Read once when the HTTP client classes initialise, hence set before building.
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                builder.sslContext(trustAll());
            } else if (config.caFile() != null) {
                builder.sslContext(trusting(config.caFile()));
            } else if ("http".equalsIgnoreCase(config.apiRoot().getScheme())) {
                // Plain HTTP never handshakes; skipping the default context saves parsing the JDK's
                // CA store, which is a large share of the agent's start-up time.
                builder.sslContext(unusedContext());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new BadParameterException(Params.SSL_CA, "cannot load CA certificates from " + config.caFile()
                    + " (" + e.getMessage() + ")");
        }
        return builder.build();
    }

    static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the file");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static SSLContext unusedContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[0], null);
        return context;
    }

    private static SSLContext trustAll() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
