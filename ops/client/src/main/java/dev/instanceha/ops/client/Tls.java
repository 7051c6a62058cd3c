package dev.instanceha.ops.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for clients, with one meaning everywhere: <b>a PEM bundle adds to the JDK's CAs, it never
 * replaces them</b>. A server is trusted when its chain leads to a CA of the JDK's default trust store
 * ({@code cacerts}, or what {@code javax.net.ssl.trustStore} names) <i>or</i> to a certificate of the
 * bundle. Why additive: the bundle an operator or a relation hands over is "our private CA", given so
 * that the private endpoints work; it is not meant to make publicly signed endpoints (a Keystone or
 * MAAS behind a public certificate, one re-issued by a public CA) fail. Giving a CA must never make
 * fewer servers reachable. The cost: a bundle cannot narrow trust to the private CA alone.
 */
public final class Tls {
    private Tls() {}

    /** The JDK's CAs plus every certificate of the PEM file. */
    public static SSLContext trusting(Path pemFile) throws TlsException {
        byte[] pem;
        try {
            pem = Files.readAllBytes(pemFile);
        } catch (NoSuchFileException e) {
            throw new TlsException("CA file " + pemFile + " does not exist");
        } catch (IOException e) {
            throw new TlsException("cannot read CA file " + pemFile + ": " + e.getMessage());
        }
        return trustingBundle(pem, "CA file " + pemFile);
    }

    /** The JDK's CAs plus every certificate of the PEM text (as a relation hands it over). */
    public static SSLContext trustingPem(String pem) throws TlsException {
        return trustingBundle(pem.getBytes(StandardCharsets.US_ASCII), "the CA certificate");
    }

    /**
     * No certificate check at all ({@code insecure}, {@code ssl_insecure}): for labs only. Host name
     * checks are the HTTP stack's business, so each caller turns those off its own way too.
     */
    public static SSLContext trustingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS: " + e.getMessage(), e);
        }
    }

    private static SSLContext trustingBundle(byte[] pem, String what) throws TlsException {
        X509TrustManager trust = trustManager(pem, what);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsException("cannot set up TLS with " + what + " (" + e.getMessage() + ")");
        }
    }

    /** The JDK's PKIX trust manager over one store: the JDK's CAs and the bundle's certificates. */
    static X509TrustManager trustManager(byte[] pem, String what) throws TlsException {
        Collection<? extends Certificate> bundle;
        try (InputStream in = new ByteArrayInputStream(pem)) {
            bundle = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException | IOException e) {
            throw new TlsException(what + " is not a PEM certificate bundle (" + e.getMessage() + ")");
        }
        if (bundle.isEmpty()) {
            throw new TlsException(what + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : jdkCas()) {
                store.setCertificateEntry("jdk-" + i++, ca);
            }
            for (Certificate ca : bundle) {
                store.setCertificateEntry("bundle-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("the JDK made no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("cannot build a trust store from " + what + " (" + e.getMessage() + ")");
        }
    }

    /** The CAs the JDK trusts by default (a null key store means exactly that to the factory). */
    private static X509Certificate[] jdkCas() throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        for (TrustManager manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    /** The PEM bundle cannot be read or used; the message names the file or the source. */
    public static final class TlsException extends Exception {
        public TlsException(String message) {
            super(message);
        }
    }

    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
