package dev.instanceha.hostmonitor.notify;

import dev.instanceha.hostmonitor.config.ApiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** One HttpClient for Keystone and Masakari, honouring [api] cafile, insecure and timeout. */
public final class HttpClients {

    private HttpClients() {
    }

    public static HttpClient create(ApiSettings api) throws IOException {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(api.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        try {
            if (api.insecure()) {
                // Same meaning as keystoneauth's insecure: no certificate or host name check.
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
                b.sslContext(ctx);
            } else if (api.cafile().isPresent()) {
                b.sslContext(trusting(Path.of(api.cafile().get())));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        return b.build();
    }

    private static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private static final class TrustAll implements X509TrustManager {
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
    }
}
