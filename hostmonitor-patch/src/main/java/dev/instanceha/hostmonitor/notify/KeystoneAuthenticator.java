package dev.instanceha.hostmonitor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.hostmonitor.config.ApiSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Keystone v3 password authentication, project-scoped, and the instance-ha endpoint from the catalog. */
public final class KeystoneAuthenticator {

    public static final String SERVICE_TYPE = "instance-ha";

    private final ApiSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    public KeystoneAuthenticator(ApiSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    public KeystoneToken authenticate() throws ApiException {
        URI uri = tokensUri(settings.authUrl());
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody()))
                .build();
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException("keystone " + uri + " unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while authenticating", e);
        }
        if (resp.statusCode() != 201 && resp.statusCode() != 200) {
            throw new ApiException("keystone refused authentication: HTTP " + resp.statusCode());
        }
        String id = resp.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new ApiException("keystone answered without X-Subject-Token"));
        JsonNode token;
        try {
            token = mapper.readTree(resp.body()).path("token");
        } catch (IOException e) {
            throw new ApiException("keystone token body is not JSON", e);
        }
        return new KeystoneToken(id, expiry(token), endpoint(token));
    }

    /** keystoneauth accepts auth_url with or without the version; this monitor speaks v3 only. */
    static URI tokensUri(String authUrl) {
        String base = authUrl.replaceAll("/+$", "");
        if (!base.endsWith("/v3")) {
            base = base + "/v3";
        }
        return URI.create(base + "/auth/tokens");
    }

    private byte[] requestBody() {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode identity = root.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        if (settings.userId().isPresent()) {
            user.put("id", settings.userId().get());
        } else {
            user.put("name", settings.username().orElseThrow());
            domain(user, settings.userDomainId(), settings.userDomainName());
        }
        user.put("password", settings.password());
        ObjectNode project = ((ObjectNode) root.get("auth")).putObject("scope").putObject("project");
        if (settings.projectId().isPresent()) {
            project.put("id", settings.projectId().get());
        } else {
            project.put("name", settings.projectName().orElseThrow());
            domain(project, settings.projectDomainId(), settings.projectDomainName());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Domain by id when known, else by name, else keystone's "default" domain. */
    private static void domain(ObjectNode owner, Optional<String> id, Optional<String> name) {
        ObjectNode d = owner.putObject("domain");
        if (id.isPresent()) {
            d.put("id", id.get());
        } else if (name.isPresent()) {
            d.put("name", name.get());
        } else {
            d.put("id", "default");
        }
    }

    private static Instant expiry(JsonNode token) throws ApiException {
        String text = token.path("expires_at").asText("");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException("keystone token has no usable expires_at: '" + text + "'");
        }
    }

    private URI endpoint(JsonNode token) throws ApiException {
        String wantedInterface = settings.apiInterface().toLowerCase(Locale.ROOT).replaceAll("url$", "");
        for (JsonNode service : token.path("catalog")) {
            if (!SERVICE_TYPE.equals(service.path("type").asText())) {
                continue;
            }
            for (JsonNode ep : service.path("endpoints")) {
                boolean iface = wantedInterface.equals(ep.path("interface").asText());
                String region = ep.hasNonNull("region_id") ? ep.get("region_id").asText() : ep.path("region").asText();
                if (iface && (settings.region().isEmpty() || settings.region().equals(region))) {
                    return URI.create(ep.path("url").asText());
                }
            }
        }
        throw new ApiException("no " + SERVICE_TYPE + " endpoint with interface " + wantedInterface
                + " in region " + settings.region() + " in the keystone catalog");
    }
}
