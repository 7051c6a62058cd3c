package dev.instanceha.stonith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * One signed request to the MAAS API, with HTTP statuses and transport failures turned into
 * {@link MaasException}s whose messages say what went wrong and what to check. Answers come back
 * as {@link Json} values.
 */
public final class MaasHttp {
    private final MaasConnector connector;
    private final URI apiRoot;
    private final OAuthSigner signer;
    private final Diagnostics diagnostics;

    public MaasHttp(MaasConnector connector, URI apiRoot, OAuthSigner signer, Diagnostics diagnostics) {
        this.connector = connector;
        this.apiRoot = apiRoot;
        this.signer = signer;
        this.diagnostics = diagnostics;
    }

    public Object get(String path, Duration timeout, String what) throws MaasException {
        return send("GET", path, null, timeout, what);
    }

    /** POSTs urlencoded form fields (MAAS reads op from the query string, the rest from the body). */
    public Object post(String path, Map<String, String> form, Duration timeout, String what) throws MaasException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(OAuthSigner.encode(field.getKey())).append('=').append(OAuthSigner.encode(field.getValue()));
        }
        return send("POST", path, body.toString().getBytes(StandardCharsets.UTF_8), timeout, what);
    }

    private Object send(String method, String path, byte[] body, Duration timeout, String what) throws MaasException {
        URI uri = apiRoot.resolve(path);
        diagnostics.debug(method + " " + uri);
        int status;
        String answer;
        try {
            HttpURLConnection connection = connector.open(uri, timeout);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("Authorization", signer.header());
            if (body != null) {
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                // Buffered, not streamed: headers and body then leave in one segment instead of a
                // second small one that Nagle holds back until the server's delayed ACK (40 ms).
                connection.setDoOutput(true);
            }
            try {
                connection.connect();
            } catch (SocketTimeoutException e) {
                throw new MaasException(
                        MaasException.Kind.TIMEOUT,
                        "no connection to MAAS at " + apiRoot.getAuthority()
                                + " within " + seconds(connector.connectTimeout()) + " s (" + Params.LOGIN_TIMEOUT
                                + ") while "
                                + what);
            }
            if (body != null) {
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            status = connection.getResponseCode();
            answer = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new MaasException(
                    MaasException.Kind.TIMEOUT, "MAAS did not answer within " + seconds(timeout) + " s while " + what);
        } catch (SSLException e) {
            throw tlsFailure(e, what);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new MaasException(
                    MaasException.Kind.CONNECTION,
                    "cannot connect to MAAS at " + apiRoot.getAuthority() + " while " + what
                            + " (connection refused or unreachable)");
        } catch (UnknownHostException e) {
            throw new MaasException(
                    MaasException.Kind.CONNECTION,
                    "cannot resolve the MAAS host " + apiRoot.getHost() + " while " + what);
        } catch (IOException e) {
            throw transport(e, what);
        }
        diagnostics.debug("HTTP " + status + " for " + method + " " + uri);
        return interpret(status, answer, what);
    }

    /** Reads the whole body, which also hands the connection back for reuse by the next request. */
    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private MaasException tlsFailure(Throwable e, String what) {
        return new MaasException(
                MaasException.Kind.TLS,
                "TLS connection to MAAS at " + apiRoot.getAuthority()
                        + " failed while " + what + " (" + e.getMessage() + "); if MAAS uses a private CA, set "
                        + Params.SSL_CA + " to its PEM file");
    }

    private MaasException transport(IOException e, String what) {
        // Handshake failures arrive wrapped in plain IOExceptions at times; look for the TLS cause.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return tlsFailure(t, what);
            }
        }
        return new MaasException(
                MaasException.Kind.CONNECTION,
                "connection to MAAS at " + apiRoot.getAuthority()
                        + " failed while " + what + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    static Object interpret(int status, String body, String what) throws MaasException {
        if (status == 200 || status == 201 || status == 202 || status == 204) {
            return parse(body, what);
        }
        String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + oneLine(body));
        switch (status) {
            case 401 ->
                throw new MaasException(
                        MaasException.Kind.AUTH,
                        "MAAS rejected the API key while " + what + " (" + detail + "); check " + Params.API_KEY
                                + " (consumer_key:token_key:token_secret of a MAAS user)");
            case 403 ->
                throw new MaasException(
                        MaasException.Kind.FORBIDDEN,
                        "MAAS refused " + what + " (" + detail
                                + "); the key's user must own the machine or be a MAAS admin");
            case 404 ->
                throw new MaasException(
                        MaasException.Kind.NOT_FOUND, "MAAS has nothing for " + what + " (" + detail + ")");
            case 409 ->
                throw new MaasException(
                        MaasException.Kind.CONFLICT,
                        "MAAS refused " + what + " because of the machine's state (" + detail + ")");
            case 400 ->
                throw new MaasException(
                        MaasException.Kind.BAD_REQUEST, "MAAS did not accept " + what + " (" + detail + ")");
            case 503 ->
                throw new MaasException(
                        MaasException.Kind.UNAVAILABLE,
                        "MAAS could not complete " + what + ": power driver, BMC or rack controller unavailable ("
                                + detail + ")");
            default ->
                throw new MaasException(
                        status >= 500 ? MaasException.Kind.SERVER : MaasException.Kind.PROTOCOL,
                        "unexpected MAAS answer to " + what + " (" + detail + ")");
        }
    }

    private static Object parse(String body, String what) throws MaasException {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw new MaasException(
                    MaasException.Kind.PROTOCOL, "MAAS answered " + what + " with something that is not JSON");
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
