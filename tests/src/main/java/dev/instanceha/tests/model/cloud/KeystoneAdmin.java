package dev.instanceha.tests.model.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.client.ApiException;
import dev.instanceha.ops.client.CachedToken;
import dev.instanceha.ops.client.KeystoneClient;
import dev.instanceha.ops.client.KeystoneCredentials;
import dev.instanceha.ops.client.KeystoneCredentials.Ref;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The Keystone v3 calls the keystone charm makes for its relations: service users in the service
 * project with a role, services and their endpoints. Every call is idempotent (find, else create).
 */
public final class KeystoneAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final CachedToken token;

    public KeystoneAdmin(String url, String adminPassword) {
        this.url = url;
        this.token = new CachedToken(
                new KeystoneClient(http, Duration.ofSeconds(30)),
                new KeystoneCredentials(
                        url,
                        Ref.byName("admin", Ref.DEFAULT_DOMAIN),
                        adminPassword,
                        Ref.byName("admin", Ref.DEFAULT_DOMAIN)),
                Clock.systemUTC());
    }

    public String url() {
        return url;
    }

    /** An admin-scoped token, for tests that call OpenStack APIs as the operator would. */
    public synchronized String adminToken() throws IOException {
        return token();
    }

    public synchronized String projectId(String name) throws IOException {
        return ensure("projects", "project", name, Map.of("domain_id", "default"));
    }

    /** A user with this password (reset when it differs), holding the role on the project. */
    public synchronized String ensureUser(String name, String password, String project, String role)
            throws IOException {
        String projectId = projectId(project);
        String userId = find("users", name);
        if (userId == null) {
            userId = ensure("users", "user", name, Map.of("domain_id", "default", "password", password));
        } else {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("user").put("password", password);
            call("PATCH", "/v3/users/" + userId, body);
        }
        String roleId = ensure("roles", "role", role, Map.of());
        call("PUT", "/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId, null);
        return userId;
    }

    /** A service of this name and type with exactly these endpoint URLs in the region. */
    public synchronized void ensureService(String name, String type, String region, Map<String, String> urls)
            throws IOException {
        String serviceId = null;
        for (JsonNode s : call("GET", "/v3/services?type=" + type, null).path("services")) {
            if (s.path("name").asText().equals(name)) {
                serviceId = s.path("id").asText();
            }
        }
        if (serviceId == null) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("service").put("name", name).put("type", type).put("enabled", true);
            serviceId = call("POST", "/v3/services", body)
                    .path("service")
                    .path("id")
                    .asText();
        }
        ensureRegion(region);
        for (Map.Entry<String, String> e : urls.entrySet()) {
            boolean found = false;
            for (JsonNode ep : call("GET", "/v3/endpoints?service_id=" + serviceId + "&interface=" + e.getKey(), null)
                    .path("endpoints")) {
                if (!ep.path("region_id").asText().equals(region)) {
                    continue;
                }
                if (ep.path("url").asText().equals(e.getValue())) {
                    found = true;
                } else {
                    call("DELETE", "/v3/endpoints/" + ep.path("id").asText(), null);
                }
            }
            if (!found) {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("endpoint")
                        .put("service_id", serviceId)
                        .put("interface", e.getKey())
                        .put("region_id", region)
                        .put("url", e.getValue())
                        .put("enabled", true);
                call("POST", "/v3/endpoints", body);
            }
        }
    }

    private void ensureRegion(String region) throws IOException {
        for (JsonNode r : call("GET", "/v3/regions", null).path("regions")) {
            if (r.path("id").asText().equals(region)) {
                return;
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("region").put("id", region);
        call("POST", "/v3/regions", body);
    }

    private String find(String collection, String name) throws IOException {
        for (JsonNode n :
                call("GET", "/v3/" + collection + "?name=" + name, null).path(collection)) {
            if (n.path("name").asText().equals(name)) {
                return n.path("id").asText();
            }
        }
        return null;
    }

    private String ensure(String collection, String kind, String name, Map<String, String> extra) throws IOException {
        String id = find(collection, name);
        if (id != null) {
            return id;
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode obj = body.putObject(kind).put("name", name);
        extra.forEach(obj::put);
        return call("POST", "/v3/" + collection, body).path(kind).path("id").asText();
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException {
        HttpResponse<String> r = send(method, path, body);
        if (r.statusCode() == 401) {
            // Token revoked or expired early: one fresh login, then the answer stands.
            token.invalidate();
            r = send(method, path, body);
        }
        if (r.statusCode() >= 300) {
            throw new IOException("Keystone " + method + " " + path + " answered " + r.statusCode());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) throws IOException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Auth-Token", token())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body.toString()));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private String token() throws IOException {
        try {
            return token.get().header();
        } catch (ApiException e) {
            throw new IOException("Keystone admin login failed: " + e.getMessage(), e);
        }
    }
}
