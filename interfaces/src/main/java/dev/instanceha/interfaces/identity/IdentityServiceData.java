package dev.instanceha.interfaces.identity;

import dev.instanceha.interfaces.ServiceEndpoint;
import dev.instanceha.ops.model.Secret;
import java.util.Optional;

/** Keystone's answer on identity-service: where it is, and the service account it made for us. */
public record IdentityServiceData(
        ServiceEndpoint service,
        ServiceEndpoint auth,
        Optional<ServiceEndpoint> internal,
        String serviceUsername,
        Secret servicePassword,
        String serviceTenant,
        String serviceTenantId,
        Optional<String> serviceDomain,
        Optional<String> serviceDomainId,
        Optional<String> serviceUserId,
        Optional<String> adminDomainId,
        Optional<String> adminProjectId,
        Optional<String> adminUserId,
        Optional<String> apiVersion,
        Optional<String> region,
        boolean httpsKeystone,
        Optional<String> caCertPem) {

    /** Keystone's public endpoint for clients: {@code www_authenticate_uri}. */
    public String serviceUrl() {
        return service.url();
    }

    /** Keystone's admin/internal auth endpoint: {@code auth_url}. */
    public String authUrl() {
        return auth.url();
    }

    @Override
    public String toString() {
        return "IdentityServiceData[service=" + service + ", auth=" + auth + ", internal=" + internal
                + ", serviceUsername=" + serviceUsername + ", servicePassword=" + servicePassword
                + ", serviceTenant=" + serviceTenant + ", serviceTenantId=" + serviceTenantId
                + ", serviceDomain=" + serviceDomain + ", apiVersion=" + apiVersion + ", region=" + region
                + ", httpsKeystone=" + httpsKeystone + ", caCert=" + (caCertPem.isPresent() ? "present" : "absent")
                + "]";
    }
}
