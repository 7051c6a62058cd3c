package dev.instanceha.stonith;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Opens connections to MAAS with the TLS trust the operator asked for and the connect time limit
 * (login_timeout). HttpURLConnection rather than java.net.http: it loads far fewer classes, and
 * for plain http no TLS class is touched at all — start-up time counts against every fence.
 *
 * @param tls null for plain http, or when the JDK's default trust applies
 */
public record MaasConnector(SSLSocketFactory tls, boolean skipHostnameCheck, Duration connectTimeout) {

    public static MaasConnector create(AgentConfig config) throws BadParameterException {
        try {
            if (config.insecure()) {
                return new MaasConnector(trustAll().getSocketFactory(), true, config.connectTimeout());
            }
            if (config.caFile() != null) {
                return new MaasConnector(trusting(config.caFile()).getSocketFactory(), false, config.connectTimeout());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new BadParameterException(Params.SSL_CA, "cannot load CA certificates from " + config.caFile()
                    + " (" + e.getMessage() + ")");
        }
        return new MaasConnector(null, false, config.connectTimeout());
    }

    /** A connection that is not yet connected; no proxy and no redirects, as MAAS is addressed directly. */
    HttpURLConnection open(URI uri, Duration answerTimeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        if (connection instanceof HttpsURLConnection https) {
            if (tls != null) {
                https.setSSLSocketFactory(tls);
            }
            if (skipHostnameCheck) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        connection.setConnectTimeout(millis(connectTimeout));
        connection.setReadTimeout(millis(answerTimeout));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        return connection;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
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
