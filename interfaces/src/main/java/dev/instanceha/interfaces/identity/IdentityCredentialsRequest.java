package dev.instanceha.interfaces.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a charm asks keystone for on identity-credentials (charm-interface-keystone-credentials
 * request_credentials): a user in a project, optionally in a domain, with roles/grants.
 */
public record IdentityCredentialsRequest(
        String username,
        Optional<String> project,
        Optional<String> domain,
        List<String> requestedRoles,
        List<String> requestedGrants) {
    public IdentityCredentialsRequest {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        project = project == null ? Optional.empty() : project;
        domain = domain == null ? Optional.empty() : domain;
        requestedRoles = List.copyOf(requestedRoles == null ? List.of() : requestedRoles);
        requestedGrants = List.copyOf(requestedGrants == null ? List.of() : requestedGrants);
    }

    public IdentityCredentialsRequest(String username, String project) {
        this(username, Optional.of(project), Optional.empty(), List.of(), List.of());
    }

    /** Raw values for this unit's databag; unused optional keys are written empty (cleared). */
    public Map<String, String> unitData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("username", username);
        data.put("project", project.orElse(""));
        data.put("domain", domain.orElse(""));
        data.put("requested_roles", String.join(",", requestedRoles));
        data.put("requested_grants", String.join(",", requestedGrants));
        return data;
    }
}
