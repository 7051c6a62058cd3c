package dev.instanceha.ops.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Keystone v3 password login with project scope: a token and its service catalog. */
public final class KeystoneClient {
    private static final String SERVICE = "Keystone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout how long one login may wait for Keystone's answer */
    public KeystoneClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Logs in; an {@link ApiException} names the URL and status, never the password. */
    public KeystoneToken login(KeystoneCredentials credentials) {
        URI uri = tokensUri(credentials.authUrl());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        requestBody(credentials).toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ApiException.unreachable(SERVICE, "POST", uri, e);
        } catch (InterruptedException e) {
            throw ApiException.interrupted(SERVICE, "POST", uri);
        }
        int status = response.statusCode();
        if (status != 201 && status != 200) {
            throw ApiException.status(SERVICE, "POST", uri, status, response.body());
        }
        String id = response.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> ApiException.badAnswer(SERVICE, "POST", uri, status, "without X-Subject-Token"));
        JsonNode token;
        try {
            token = JSON.readTree(response.body()).path("token");
        } catch (IOException e) {
            throw ApiException.badAnswer(SERVICE, "POST", uri, status, "with a body that is not JSON");
        }
        return new KeystoneToken(id, expiry(token, uri, status), token);
    }

    /** Like keystoneauth, the auth URL may name the version or not; this client speaks v3 only. */
    public static URI tokensUri(String authUrl) {
        String base = authUrl.replaceAll("/+$", "");
        if (!base.endsWith("/v3")) {
            base = base + "/v3";
        }
        return URI.create(base + "/auth/tokens");
    }

    static ObjectNode requestBody(KeystoneCredentials credentials) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        ref(user, credentials.user());
        user.put("password", credentials.password());
        ref(auth.putObject("scope").putObject("project"), credentials.project());
        return root;
    }

    private static void ref(ObjectNode node, KeystoneCredentials.Ref ref) {
        if (ref.id() != null) {
            node.put("id", ref.id());
            return;
        }
        node.put("name", ref.name());
        if (ref.domain() != null) {
            ref(node.putObject("domain"), ref.domain());
        }
    }

    private static Instant expiry(JsonNode token, URI uri, int status) {
        String text = token.path("expires_at").asText("");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badAnswer(SERVICE, "POST", uri, status, "with a token without a usable expires_at");
        }
    }
}
