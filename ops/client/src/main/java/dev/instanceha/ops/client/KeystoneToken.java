package dev.instanceha.ops.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A Keystone v3 token and what came with it: expiry and the token document (project, roles,
 * service catalog). {@link #toString()} never shows the token.
 *
 * @param body the {@code token} object of Keystone's answer
 */
public record KeystoneToken(String id, Instant expiresAt, JsonNode body) {

    /** The project the token is scoped to. */
    public String projectId() {
        return body.path("project").path("id").asText("");
    }

    public JsonNode catalog() {
        return body.path("catalog");
    }

    /** For the {@code X-Auth-Token} header. */
    public String header() {
        return id;
    }

    /**
     * The catalog URL of a service type for an interface ({@code public}, {@code internal},
     * {@code admin}; keystoneauth's {@code publicURL} spellings too) in a region (null or empty: any).
     * A project template left in the URL ({@code %(tenant_id)s}, {@code $(project_id)s}) is filled in.
     */
    public Optional<URI> endpoint(String serviceType, String interfaceName, String region) {
        String wanted = interfaceName.toLowerCase(Locale.ROOT).replaceAll("url$", "");
        boolean anyRegion = region == null || region.isEmpty();
        for (JsonNode service : catalog()) {
            if (!serviceType.equals(service.path("type").asText())) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                boolean regionMatches = anyRegion
                        || region.equals(endpoint.path("region_id").asText())
                        || region.equals(endpoint.path("region").asText());
                if (wanted.equals(endpoint.path("interface").asText()) && regionMatches) {
                    return Optional.of(
                            URI.create(withProject(endpoint.path("url").asText())));
                }
            }
        }
        return Optional.empty();
    }

    private String withProject(String url) {
        return url.replaceAll("[%$]\\((?:tenant_id|project_id)\\)s", Matcher.quoteReplacement(projectId()));
    }

    @Override
    public String toString() {
        return "KeystoneToken[project=" + projectId() + ", expiresAt=" + expiresAt + ", token ***]";
    }
}
