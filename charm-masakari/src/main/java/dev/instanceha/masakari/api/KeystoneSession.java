package dev.instanceha.masakari.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A Keystone v3 token (password method, project scope) and the service catalog that came with it.
 */
public final class KeystoneSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String token;
    private final JsonNode catalog;

    private KeystoneSession(String token, JsonNode catalog) {
        this.token = token;
        this.catalog = catalog;
    }

    /** Credentials of a Keystone user scoped to a project (both in {@code domain}). */
    public record Credentials(String authUrl, String username, String password, String project, String domain) {
        @Override
        public String toString() {
            return "Credentials[" + authUrl + ", " + username + "@" + project + "/" + domain + ", password ***]";
        }
    }

    public static KeystoneSession login(HttpClient http, Credentials credentials) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", credentials.username());
        user.put("password", credentials.password());
        user.putObject("domain").put("name", credentials.domain());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", credentials.project());
        project.putObject("domain").put("name", credentials.domain());
        String base = credentials.authUrl().replaceAll("/+$", "");
        String url = base.endsWith("/v3") ? base + "/auth/tokens" : base + "/v3/auth/tokens";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = send(http, request, "Keystone");
        if (response.statusCode() != 201) {
            throw new ApiException(response.statusCode(), "Keystone refused the service credentials (HTTP "
                    + response.statusCode() + ")");
        }
        String token = response.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new ApiException(response.statusCode(), "Keystone answered without a token"));
        try {
            return new KeystoneSession(token, JSON.readTree(response.body()).path("token").path("catalog"));
        } catch (IOException e) {
            throw new ApiException(response.statusCode(), "Keystone's answer is not JSON");
        }
    }

    public String token() {
        return token;
    }

    /** The endpoint of a service type for an interface (public/internal/admin), in a region if given. */
    public Optional<String> endpoint(String serviceType, String interfaceName, String region) {
        for (JsonNode service : catalog) {
            if (!serviceType.equals(service.path("type").asText())) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                boolean regionMatches = region == null || region.equals(endpoint.path("region").asText())
                        || region.equals(endpoint.path("region_id").asText());
                if (interfaceName.equals(endpoint.path("interface").asText()) && regionMatches) {
                    return Optional.of(endpoint.path("url").asText());
                }
            }
        }
        return Optional.empty();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(0, what + " at " + request.uri().getHost() + ":" + request.uri().getPort()
                    + " cannot be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, what + ": interrupted");
        }
    }
}
