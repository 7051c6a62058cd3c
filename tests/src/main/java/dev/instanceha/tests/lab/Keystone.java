package dev.instanceha.tests.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.ops.client.ApiException;
import dev.instanceha.ops.client.KeystoneClient;
import dev.instanceha.ops.client.KeystoneCredentials;
import dev.instanceha.ops.client.KeystoneCredentials.Ref;
import dev.instanceha.ops.client.KeystoneToken;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** The lab's real Keystone (uwsgi on 127.0.0.1:5000): password auth, tokens, catalog. */
public final class Keystone {
    private static final KeystoneClient CLIENT = new KeystoneClient(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(60));
    private final String url;

    Keystone(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** A project-scoped token for a user of the Default domain. */
    public KeystoneToken login(String user, String password, String project) {
        try {
            return CLIENT.login(new KeystoneCredentials(
                    url, Ref.byName(user, Ref.DEFAULT_DOMAIN), password, Ref.byName(project, Ref.DEFAULT_DOMAIN)));
        } catch (ApiException e) {
            if (e.status() == 0) {
                throw new Lab.LabUnavailable(e.getMessage());
            }
            throw new AssertionError("Keystone refused " + user + "@" + project + ": " + e.getMessage(), e);
        }
    }

    /** The bootstrap admin in project admin. */
    public KeystoneToken admin() {
        return login("admin", Lab.ADMIN_PASSWORD, "admin");
    }

    /** The masakari service user in project services. */
    public KeystoneToken service() {
        return login("masakari", Lab.SERVICE_PASSWORD, "services");
    }

    /**
     * Makes {@code user} (domain default) exist with {@code password} and {@code role} on
     * {@code project}, as keystone's charm does for an identity-credentials requester. Idempotent.
     */
    public void ensureUser(String user, String password, String project, String role) {
        Map<String, String> auth = authHeader(admin());
        String base = url + "/v3";
        JsonNode found = Http.call("GET", base + "/users?domain_id=default&name=" + user, null, auth)
                .expect(200)
                .json()
                .get("users");
        String userId;
        if (found.isEmpty()) {
            userId = Http.call(
                            "POST",
                            base + "/users",
                            Map.of(
                                    "user",
                                    Map.of(
                                            "name",
                                            user,
                                            "password",
                                            password,
                                            "domain_id",
                                            "default",
                                            "enabled",
                                            true)),
                            auth)
                    .expect(201)
                    .json()
                    .at("/user/id")
                    .asText();
        } else {
            userId = found.get(0).get("id").asText();
            Http.call("PATCH", base + "/users/" + userId, Map.of("user", Map.of("password", password)), auth)
                    .expect(200);
        }
        String projectId = projectId(project);
        String roleId = Http.call("GET", base + "/roles?name=" + role, null, auth)
                .expect(200)
                .json()
                .at("/roles/0/id")
                .asText();
        Http.call("PUT", base + "/projects/" + projectId + "/users/" + userId + "/roles/" + roleId, null, auth)
                .expect(204);
    }

    /** The id of a project in the default domain. */
    public String projectId(String project) {
        String id = Http.call("GET", url + "/v3/projects?name=" + project, null, authHeader(admin()))
                .expect(200)
                .json()
                .at("/projects/0/id")
                .asText();
        if (id.isEmpty()) {
            throw new AssertionError("Keystone has no project " + project);
        }
        return id;
    }

    public static Map<String, String> authHeader(KeystoneToken token) {
        return Map.of("X-Auth-Token", token.header());
    }

    /** The catalog URL of a service type and interface (e.g. instance-ha, public), or an error. */
    public static String endpoint(KeystoneToken token, String type, String iface) {
        return token.endpoint(type, iface, null)
                .map(Object::toString)
                .orElseThrow(() -> new AssertionError(
                        "no " + type + " " + iface + " endpoint in the catalog: " + token.catalog()));
    }
}
