package dev.instanceha.interfaces.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal stand-in for what charm-keystone reads from a requirer, for round-trip tests: the
 * identity-service endpoint registration and the identity-credentials user request.
 */
final class KeystonePeer {
    /** keystone maps service names to types; masakari is type instance-ha (juju-contract.md §5.1). */
    static final Set<String> VALID_SERVICES = Set.of("masakari", "nova", "glance");

    record Registration(
            String service,
            List<String> regions,
            String publicUrl,
            String internalUrl,
            String adminUrl,
            List<String> roles) {}

    record CredentialsRequest(String username, String project, String domain, List<String> roles) {}

    private KeystonePeer() {}

    /** Null when keystone would not register (missing keys or unknown service: it answers admin_token=-1). */
    static Registration register(Map<String, String> unit) {
        for (String key : List.of("service", "region", "public_url", "internal_url", "admin_url")) {
            if (unit.get(key) == null || unit.get(key).isEmpty()) {
                return null;
            }
        }
        if (!VALID_SERVICES.contains(unit.get("service"))) {
            return null;
        }
        return new Registration(
                unit.get("service"),
                Arrays.asList(unit.get("region").split(" ")),
                unit.get("public_url"),
                unit.get("internal_url"),
                unit.get("admin_url"),
                split(unit.get("requested_roles")));
    }

    static CredentialsRequest credentials(Map<String, String> unit) {
        String username = unit.get("username");
        if (username == null || username.isEmpty()) {
            return null;
        }
        String project = unit.get("project");
        String domain = unit.get("domain");
        return new CredentialsRequest(
                username,
                project == null || project.isEmpty() ? null : project,
                domain == null || domain.isEmpty() ? null : domain,
                split(unit.get("requested_roles")));
    }

    private static List<String> split(String commaList) {
        return commaList == null || commaList.isEmpty() ? List.of() : Arrays.asList(commaList.split(","));
    }
}
