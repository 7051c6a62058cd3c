package dev.instanceha.interfaces.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a service charm asks keystone to register (charm-interface-keystone register_endpoints):
 * one service, its region(s) and three endpoint URLs.
 */
public record IdentityServiceRequest(
        String service,
        List<String> regions,
        String publicUrl,
        String internalUrl,
        String adminUrl,
        List<String> requestedRoles) {
    public IdentityServiceRequest {
        requireText(service, "service");
        requireText(publicUrl, "publicUrl");
        requireText(internalUrl, "internalUrl");
        requireText(adminUrl, "adminUrl");
        regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
        if (regions.isEmpty() || regions.stream().anyMatch(r -> r.isBlank() || r.contains(" "))) {
            throw new IllegalArgumentException("regions must be non-empty names without spaces");
        }
        requestedRoles = List.copyOf(requestedRoles == null ? List.of() : requestedRoles);
    }

    public IdentityServiceRequest(
            String service, String region, String publicUrl, String internalUrl, String adminUrl) {
        this(service, List.of(region), publicUrl, internalUrl, adminUrl, List.of());
    }

    /**
     * Raw values for this unit's databag. Optional keys are written empty when unused, which makes
     * Juju drop a value published earlier.
     */
    public Map<String, String> unitData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("region", String.join(" ", regions)); // keystone splits the region list on spaces
        data.put("public_url", publicUrl);
        data.put("internal_url", internalUrl);
        data.put("admin_url", adminUrl);
        data.put("requested_roles", String.join(",", requestedRoles));
        return data;
    }

    private static void requireText(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
