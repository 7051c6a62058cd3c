package dev.instanceha.stonith;

import dev.instanceha.ops.client.Tls;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections to MAAS with the TLS trust the operator asked for (ssl_ca adds its CAs to the
 * JDK's, see {@link Tls}; ssl_insecure checks nothing) and the connect time limit
 * (login_timeout). HttpURLConnection rather than java.net.http: it loads far fewer classes, and
 * for plain http no TLS class is touched at all — start-up time counts against every fence.
 *
 * @param tls null for plain http, or when the JDK's default trust applies
 */
public record MaasConnector(SSLSocketFactory tls, boolean skipHostnameCheck, Duration connectTimeout) {

    public static MaasConnector create(AgentConfig config) throws BadParameterException {
        if (config.insecure()) {
            return new MaasConnector(Tls.trustingAnyCertificate().getSocketFactory(), true, config.connectTimeout());
        }
        if (config.caFile() != null) {
            try {
                return new MaasConnector(
                        Tls.trusting(config.caFile()).getSocketFactory(), false, config.connectTimeout());
            } catch (Tls.TlsException e) {
                throw new BadParameterException(Params.SSL_CA, e.getMessage());
            }
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
}
