package dev.instanceha.stonith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * One signed request to the MAAS API, with HTTP statuses and transport failures turned into
 * {@link MaasException}s whose messages say what went wrong and what to check.
 */
public final class MaasHttp {
    // Built on first use: validate-all and metadata never pay for Jackson's start-up.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final HttpClient client;
    private final URI apiRoot;
    private final OAuthSigner signer;
    private final Diagnostics diagnostics;

    public MaasHttp(HttpClient client, URI apiRoot, OAuthSigner signer, Diagnostics diagnostics) {
        this.client = client;
        this.apiRoot = apiRoot;
        this.signer = signer;
        this.diagnostics = diagnostics;
    }

    public JsonNode get(String path, Duration timeout, String what) throws MaasException {
        return send(request(path, timeout).GET().build(), what);
    }

    /** POSTs urlencoded form fields (MAAS reads op from the query string, the rest from the body). */
    public JsonNode post(String path, Map<String, String> form, Duration timeout, String what) throws MaasException {
        String body = form.entrySet().stream()
                .map(e -> OAuthSigner.encode(e.getKey()) + "=" + OAuthSigner.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), what);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(apiRoot.resolve(path)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", signer.header());
    }

    private JsonNode send(HttpRequest request, String what) throws MaasException {
        diagnostics.debug(request.method() + " " + request.uri());
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new MaasException(MaasException.Kind.TIMEOUT, "connecting to MAAS at " + apiRoot.getAuthority()
                    + " timed out while " + what);
        } catch (HttpTimeoutException e) {
            throw new MaasException(MaasException.Kind.TIMEOUT, "MAAS did not answer within "
                    + request.timeout().map(Duration::toMillis).orElse(0L) / 1000.0 + " s while " + what);
        } catch (SSLException e) {
            throw new MaasException(MaasException.Kind.TLS, "TLS connection to MAAS at " + apiRoot.getAuthority()
                    + " failed while " + what + " (" + e.getMessage() + "); if MAAS uses a private CA, set "
                    + Params.SSL_CA + " to its PEM file");
        } catch (ConnectException e) {
            throw new MaasException(MaasException.Kind.CONNECTION, "cannot connect to MAAS at " + apiRoot.getAuthority()
                    + " while " + what + " (connection refused or unreachable)");
        } catch (IOException e) {
            throw transport(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaasException(MaasException.Kind.TIMEOUT, "interrupted while " + what);
        }
        diagnostics.debug("HTTP " + response.statusCode() + " for " + request.method() + " " + request.uri());
        return interpret(response.statusCode(), response.body(), what);
    }

    private MaasException transport(IOException e, String what) {
        // The JDK wraps handshake failures in plain IOExceptions at times; look for the TLS cause.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new MaasException(MaasException.Kind.TLS, "TLS connection to MAAS at " + apiRoot.getAuthority()
                        + " failed while " + what + " (" + t.getMessage() + "); if MAAS uses a private CA, set "
                        + Params.SSL_CA + " to its PEM file");
            }
        }
        return new MaasException(MaasException.Kind.CONNECTION, "connection to MAAS at " + apiRoot.getAuthority()
                + " failed while " + what + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    static JsonNode interpret(int status, String body, String what) throws MaasException {
        String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + oneLine(body));
        switch (status) {
            case 200, 201, 202, 204 -> {
                return parse(body, what);
            }
            case 401 -> throw new MaasException(MaasException.Kind.AUTH, "MAAS rejected the API key while " + what
                    + " (" + detail + "); check " + Params.API_KEY + " (consumer_key:token_key:token_secret of a MAAS user)");
            case 403 -> throw new MaasException(MaasException.Kind.FORBIDDEN, "MAAS refused " + what + " (" + detail
                    + "); the key's user must own the machine or be a MAAS admin");
            case 404 -> throw new MaasException(MaasException.Kind.NOT_FOUND, "MAAS has nothing for " + what
                    + " (" + detail + ")");
            case 409 -> throw new MaasException(MaasException.Kind.CONFLICT, "MAAS refused " + what
                    + " because of the machine's state (" + detail + ")");
            case 400 -> throw new MaasException(MaasException.Kind.BAD_REQUEST, "MAAS did not accept " + what
                    + " (" + detail + ")");
            case 503 -> throw new MaasException(MaasException.Kind.UNAVAILABLE, "MAAS could not complete " + what
                    + ": power driver, BMC or rack controller unavailable (" + detail + ")");
            default -> throw new MaasException(status >= 500 ? MaasException.Kind.SERVER : MaasException.Kind.PROTOCOL,
                    "unexpected MAAS answer to " + what + " (" + detail + ")");
        }
    }

    private static JsonNode parse(String body, String what) throws MaasException {
        if (body == null || body.isBlank()) {
            return Json.MAPPER.nullNode();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MaasException(MaasException.Kind.PROTOCOL, "MAAS answered " + what + " with something that is not JSON");
        }
    }

    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
