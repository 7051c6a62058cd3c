package dev.instanceha.tests.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** The lab's real Keystone (uwsgi on 127.0.0.1:5000): password auth, tokens, catalog. */
public final class Keystone {
    private final String url;

    Keystone(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** A project-scoped token for a user of the Default domain. */
    public Session login(String user, String password, String project) {
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", new String[] {"password"},
                        "password", Map.of("user", Map.of("name", user, "domain", Map.of("id", "default"), "password", password))),
                "scope", Map.of("project", Map.of("name", project, "domain", Map.of("id", "default")))));
        Http.Response r = Http.call("POST", url + "/v3/auth/tokens", body, Map.of());
        if (r.status() != 201) {
            throw new AssertionError("Keystone refused " + user + "@" + project + ": HTTP " + r.status() + " " + r.body());
        }
        return new Session(r.header("X-Subject-Token"), r.json().get("token"));
    }

    /** The bootstrap admin in project admin. */
    public Session admin() {
        return login("admin", Lab.ADMIN_PASSWORD, "admin");
    }

    /** The masakari service user in project services. */
    public Session service() {
        return login("masakari", Lab.SERVICE_PASSWORD, "services");
    }

    /**
     * Makes {@code user} (domain default) exist with {@code password} and {@code role} on
     * {@code project}, as keystone's charm does for an identity-credentials requester. Idempotent.
     */
    public void ensureUser(String user, String password, String project, String role) {
        Map<String, String> auth = admin().authHeader();
        String base = url + "/v3";
        JsonNode found = Http.call("GET", base + "/users?domain_id=default&name=" + user, null, auth).expect(200).json()
                .get("users");
        String userId;
        if (found.isEmpty()) {
            userId = Http.call("POST", base + "/users", Map.of("user", Map.of("name", user, "password", password,
                    "domain_id", "default", "enabled", true)), auth).expect(201).json().at("/user/id").asText();
        } else {
            userId = found.get(0).get("id").asText();
            Http.call("PATCH", base + "/users/" + userId, Map.of("user", Map.of("password", password)), auth).expect(200);
        }
        String projectId = projectId(project);
        String roleId = Http.call("GET", base + "/roles?name=" + role, null, auth).expect(200).json()
                .at("/roles/0/id").asText();
        Http.call("PUT", base + "/projects/" + projectId + "/users/" + userId + "/roles/" + roleId, null, auth)
                .expect(204);
    }

    /** The id of a project in the default domain. */
    public String projectId(String project) {
        String id = Http.call("GET", url + "/v3/projects?name=" + project, null, admin().authHeader()).expect(200).json()
                .at("/projects/0/id").asText();
        if (id.isEmpty()) {
            throw new AssertionError("Keystone has no project " + project);
        }
        return id;
    }

    /** A token and what Keystone said about it (project, roles, catalog). */
    public record Session(String token, JsonNode body) {
        public String projectId() {
            return body.at("/project/id").asText();
        }

        public Map<String, String> authHeader() {
            return Map.of("X-Auth-Token", token);
        }

        /** The catalog URL of a service type and interface (e.g. instance-ha, public), or an error. */
        public String endpoint(String type, String iface) {
            for (JsonNode svc : body.get("catalog")) {
                if (type.equals(svc.get("type").asText())) {
                    for (JsonNode e : svc.get("endpoints")) {
                        if (iface.equals(e.get("interface").asText())) {
                            return e.get("url").asText();
                        }
                    }
                }
            }
            throw new AssertionError("no " + type + " " + iface + " endpoint in the catalog: " + body.get("catalog"));
        }
    }
}
