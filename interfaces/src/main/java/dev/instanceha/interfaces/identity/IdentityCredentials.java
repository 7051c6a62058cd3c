package dev.instanceha.interfaces.identity;

import dev.instanceha.interfaces.ServiceEndpoint;
import dev.instanceha.ops.model.Secret;
import java.util.Optional;

/** Keystone's answer on identity-credentials: a user, its project, and keystone's endpoints. */
public record IdentityCredentials(
        ServiceEndpoint credentials,
        ServiceEndpoint auth,
        String username,
        Secret password,
        String project,
        String projectId,
        String apiVersion,
        Optional<String> region,
        Optional<String> userDomainName,
        Optional<String> userDomainId,
        Optional<String> projectDomainName,
        Optional<String> projectDomainId,
        boolean httpsKeystone,
        Optional<String> caCertPem) {

    /** Keystone's public URL, which clients such as masakari-monitors authenticate against. */
    public String authUrl() {
        return credentials.url();
    }

    @Override
    public String toString() {
        return "IdentityCredentials[credentials=" + credentials + ", auth=" + auth + ", username=" + username
                + ", password=" + password + ", project=" + project + ", projectId=" + projectId
                + ", apiVersion=" + apiVersion + ", region=" + region + ", userDomainName=" + userDomainName
                + ", projectDomainName=" + projectDomainName + ", httpsKeystone=" + httpsKeystone
                + ", caCert=" + (caCertPem.isPresent() ? "present" : "absent") + "]";
    }
}
