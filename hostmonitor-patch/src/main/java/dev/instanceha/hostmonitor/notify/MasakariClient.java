package dev.instanceha.hostmonitor.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** POST /v1/notifications with a cached Keystone token; one re-authentication on 401. */
public final class MasakariClient {

    /** HTTP status and the start of the body, for the log. */
    public record Response(int status, String body) { }

    private final TokenCache tokens;
    private final HttpClient http;
    private final NotificationJson json;
    private final String apiVersion;
    private final Duration timeout;

    public MasakariClient(TokenCache tokens, HttpClient http, NotificationJson json, String apiVersion, Duration timeout) {
        this.tokens = tokens;
        this.http = http;
        this.json = json;
        this.apiVersion = apiVersion;
        this.timeout = timeout;
    }

    public Response post(Notification n) throws ApiException {
        Response r = postOnce(n, tokens.token());
        if (r.status() == 401) {
            // Token revoked or expired early: renew once now rather than waiting for a retry round.
            tokens.invalidate();
            r = postOnce(n, tokens.token());
        }
        return r;
    }

    private Response postOnce(Notification n, KeystoneToken token) throws ApiException {
        URI uri = notificationsUri(token.masakariEndpoint(), apiVersion);
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("X-Auth-Token", token.id())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.requestBody(n)))
                .build();
        try {
            HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(resp.body(), StandardCharsets.UTF_8);
            return new Response(resp.statusCode(), body.length() > 300 ? body.substring(0, 300) : body);
        } catch (IOException e) {
            throw new ApiException("masakari " + uri + " unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while posting", e);
        }
    }

    /**
     * The catalog URL is usually {@code …/v1/<project_id>} (the router accepts the project prefix);
     * a bare service root gets {@code /<api_version>} appended.
     */
    static URI notificationsUri(URI endpoint, String apiVersion) {
        String base = endpoint.toString().replaceAll("/+$", "");
        boolean versioned = ("/" + endpoint.getPath() + "/").contains("/" + apiVersion + "/");
        return URI.create((versioned ? base : base + "/" + apiVersion) + "/notifications");
    }
}
