package dev.instanceha.interfaces.identity;

import dev.instanceha.interfaces.Fixtures;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keystone's unit databag in the shape charm-keystone writes it (add_service_to_keystone /
 * add_credentials_to_keystone), per research juju-contract.md §5.1 and §5.2 and anchor-charms.md §2.3
 * and §3.3: raw strings, "__null__" for unused TLS keys, Juju's own address keys alongside.
 * Shared with the charm modules through the interfaces test-jar.
 */
public final class KeystoneFixtures {
    /** The password keystone generated for user masakari-monitors. */
    public static final String CREDENTIALS_PASSWORD = "hG7kz2Qm9pLxW4cVtB8nR3sD6fJ1yE5a";

    private KeystoneFixtures() {}

    /** identity-service answer for service "masakari" (juju-contract.md §5.1). */
    static Map<String, String> identityService() {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.20"));
        m.put("auth_host", "10.5.0.20");
        m.put("auth_port", "35357");
        m.put("auth_protocol", "http");
        m.put("service_host", "10.5.0.20");
        m.put("service_port", "5000");
        m.put("service_protocol", "http");
        m.put("internal_host", "10.5.0.20");
        m.put("internal_port", "5000");
        m.put("internal_protocol", "http");
        m.put("service_username", "masakari");
        m.put("service_user_id", "4d3f2c1b0a9988776655443322110000");
        m.put("service_password", "Wq8x4kHcTRtbk9nMf7GwJzFW4hy5Zb6p");
        m.put("service_tenant", "services");
        m.put("service_tenant_id", "0f5e3d6a3b3e4d47a1f0c7c0d8a3b2e1");
        m.put("service_domain", "service_domain");
        m.put("service_domain_id", "7e2b1d7c4a6f4c7a9b1e0c2d3f4a5b6c");
        m.put("admin_domain_id", "b2f6a2a8c0c94e4bb6e6d0b1a2c3d4e5");
        m.put("admin_project_id", "c1e5d0a9b8f74e6d8c7b6a5f4e3d2c1b");
        m.put("admin_user_id", "d0c9b8a7f6e54d3c2b1a0f9e8d7c6b5a");
        m.put("admin_role", "Admin");
        m.put("created_roles", "Admin");
        m.put("api_version", "3");
        m.put("service_type", "instance-ha");
        m.put("region", "RegionOne");
        m.put("https_keystone", "__null__");
        m.put("ssl_cert", "__null__");
        m.put("ssl_key", "__null__");
        m.put("ca_cert", "__null__");
        return m;
    }

    /**
     * identity-credentials answer for user "masakari-monitors" in project services from a keystone
     * serving plain http (juju-contract.md §5.2, anchor-charms.md §3.3).
     */
    public static Map<String, String> identityCredentials(String password) {
        Map<String, String> m = new TreeMap<>(Fixtures.jujuAddresses("10.5.0.20"));
        m.put("auth_host", "10.5.0.20");
        m.put("auth_port", "35357");
        m.put("auth_protocol", "http");
        m.put("credentials_host", "10.5.0.20");
        m.put("credentials_port", "5000");
        m.put("credentials_protocol", "http");
        m.put("credentials_username", "masakari-monitors");
        m.put("credentials_password", password);
        m.put("credentials_project", "services");
        m.put("credentials_project_id", "0f5e3d6a3b3e4d47a1f0c7c0d8a3b2e1");
        m.put("credentials_user_domain_name", "service_domain");
        m.put("credentials_user_domain_id", "7e2b1d7c4a6f4c7a9b1e0c2d3f4a5b6c");
        m.put("credentials_project_domain_name", "service_domain");
        m.put("credentials_project_domain_id", "7e2b1d7c4a6f4c7a9b1e0c2d3f4a5b6c");
        m.put("domain", "service_domain");
        m.put("api_version", "3");
        m.put("region", "RegionOne");
        m.put("https_keystone", "__null__");
        m.put("ca_cert", "__null__");
        return m;
    }

    /** The same answer from a keystone behind https at its public name, with the CA it is signed by. */
    static Map<String, String> identityCredentialsOverHttps() {
        return Fixtures.with(
                identityCredentials(CREDENTIALS_PASSWORD),
                "auth_protocol",
                "https",
                "credentials_host",
                "keystone.example.com",
                "credentials_protocol",
                "https",
                "https_keystone",
                "True",
                "ca_cert",
                Fixtures.base64(Fixtures.CERT_PEM));
    }
}
