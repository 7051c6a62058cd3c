package dev.instanceha.ops.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A Keystone v3 token and what came with it: expiry, project, service catalog.
 * {@link #toString()} never shows the token.
 */
public record KeystoneToken(String id, Instant expiresAt, String projectId, JsonNode catalog) {

    /** For the {@code X-Auth-Token} header. */
    public String header() {
        return id;
    }

    /**
     * The catalog URL of a service type for an interface ({@code public}, {@code internal},
     * {@code admin}; keystoneauth's {@code publicURL} spellings too) in a region (null or empty: any).
     */
    public Optional<URI> endpoint(String serviceType, String interfaceName, String region) {
        String wanted = interfaceName.toLowerCase(Locale.ROOT).replaceAll("url$", "");
        boolean anyRegion = region == null || region.isEmpty();
        for (JsonNode service : catalog) {
            if (!serviceType.equals(service.path("type").asText())) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                boolean regionMatches = anyRegion || region.equals(endpoint.path("region_id").asText())
                        || region.equals(endpoint.path("region").asText());
                if (wanted.equals(endpoint.path("interface").asText()) && regionMatches) {
                    return Optional.of(URI.create(endpoint.path("url").asText()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "KeystoneToken[project=" + projectId + ", expiresAt=" + expiresAt + ", token ***]";
    }
}
