package dev.instanceha.ops.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.instanceha.simulators.maas.SelfSignedTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one meaning of a CA bundle: the JDK's CAs plus the bundle's, against a real HTTPS server. */
class TlsTest {
    @TempDir
    static Path dir;

    private static SelfSignedTls tls;
    private static SelfSignedTls otherCa;
    private static HttpsServer server;

    @BeforeAll
    static void start() throws Exception {
        tls = SelfSignedTls.generate(dir.resolve("server"));
        otherCa = SelfSignedTls.generate(dir.resolve("other"));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static int get(SSLContext context) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theBundleFileMakesItsServersTrusted() throws Exception {
        assertEquals(204, get(Tls.trusting(tls.caPem())));
        assertEquals(204, get(Tls.trustingPem(Files.readString(tls.caPem()))));
    }

    @Test
    void anotherCaIsNotEnough() throws Exception {
        SSLContext other = Tls.trusting(otherCa.caPem());
        assertThrows(IOException.class, () -> get(other));
    }

    @Test
    void theBundleAddsToTheJdkCasAndRemovesNone() throws Exception {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        Set<X509Certificate> jdkCas = Set.of(((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers());
        assertTrue(jdkCas.size() > 10, "the JDK ships public CAs: " + jdkCas.size());

        Set<X509Certificate> trusted = acceptedIssuers(tls.caPem());
        assertTrue(trusted.containsAll(jdkCas), "every JDK CA is still trusted");
        assertEquals(jdkCas.size() + 1, trusted.size(), "plus the bundle's one CA");
        String bundleSubject = trusted.stream()
                .filter(c -> !jdkCas.contains(c))
                .findFirst()
                .orElseThrow()
                .getSubjectX500Principal()
                .getName();
        assertTrue(bundleSubject.contains("CN="), bundleSubject);
    }

    @Test
    void aFileWithoutCertificatesOrNoFileIsAnErrorNamingIt() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate\n");
        Tls.TlsException bad = assertThrows(Tls.TlsException.class, () -> Tls.trusting(junk));
        assertTrue(bad.getMessage().contains(junk.toString()), bad.getMessage());
        Path absent = dir.resolve("absent.pem");
        Tls.TlsException missing = assertThrows(Tls.TlsException.class, () -> Tls.trusting(absent));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertThrows(Tls.TlsException.class, () -> Tls.trustingPem(""));
    }

    @Test
    void trustingAnyCertificateAcceptsAnUnknownCa() throws Exception {
        assertEquals(204, get(Tls.trustingAnyCertificate()));
    }

    private static Set<X509Certificate> acceptedIssuers(Path pem) throws Exception {
        return Set.of(Tls.trustManager(Files.readAllBytes(pem), "test bundle").getAcceptedIssuers());
    }
}
