package dev.instanceha.hostmonitor.notify;

import dev.instanceha.ops.client.ApiException;
import dev.instanceha.ops.client.CachedToken;
import dev.instanceha.ops.client.KeystoneClient;
import dev.instanceha.ops.client.KeystoneToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** POST /v1/notifications with a cached Keystone token; one re-authentication on 401. */
public final class MasakariClient {

    public static final String SERVICE_TYPE = "instance-ha";

    /** HTTP status and the start of the body, for the log; where it went, for errors. */
    public record Response(int status, String body, URI uri) {}

    /** Which catalog endpoint: [api] api_interface, region, api_version. */
    public record EndpointChoice(String apiInterface, String region, String apiVersion) {}

    private final CachedToken tokens;
    private final HttpClient http;
    private final NotificationJson json;
    private final EndpointChoice endpoint;
    private final String authUrl;
    private final Duration timeout;

    public MasakariClient(
            CachedToken tokens,
            HttpClient http,
            NotificationJson json,
            EndpointChoice endpoint,
            String authUrl,
            Duration timeout) {
        this.tokens = tokens;
        this.http = http;
        this.json = json;
        this.endpoint = endpoint;
        this.authUrl = authUrl;
        this.timeout = timeout;
    }

    public Response post(Notification n) throws ApiException {
        Response r = postOnce(n, tokens.get());
        if (r.status() == 401) {
            // Token revoked or expired early: renew once now rather than waiting for a retry round.
            tokens.invalidate();
            r = postOnce(n, tokens.get());
        }
        return r;
    }

    private Response postOnce(Notification n, KeystoneToken token) throws ApiException {
        URI uri = notificationsUri(masakariEndpoint(token), endpoint.apiVersion());
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("X-Auth-Token", token.header())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.requestBody(n)))
                .build();
        try {
            HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(resp.body(), StandardCharsets.UTF_8);
            return new Response(resp.statusCode(), body.length() > 300 ? body.substring(0, 300) : body, uri);
        } catch (IOException e) {
            throw ApiException.unreachable("Masakari", "POST", uri, e);
        } catch (InterruptedException e) {
            throw ApiException.interrupted("Masakari", "POST", uri);
        }
    }

    private URI masakariEndpoint(KeystoneToken token) {
        return token.endpoint(SERVICE_TYPE, endpoint.apiInterface(), endpoint.region())
                .orElseThrow(() -> ApiException.badAnswer(
                        "Keystone",
                        "POST",
                        KeystoneClient.tokensUri(authUrl),
                        201,
                        "with no " + SERVICE_TYPE + " endpoint with interface " + endpoint.apiInterface()
                                + " in region " + endpoint.region() + " in the catalog"));
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
