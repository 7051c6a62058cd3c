package dev.instanceha.interfaces.identity;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.ServiceEndpoint;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.interfaces.tls.KeyPairCheck;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Secret;
import java.util.List;
import java.util.Optional;

/** The requiring side of interface {@code keystone-credentials} (endpoint {@code identity-credentials}). */
public final class IdentityCredentialsRequirer {
    public static final String ENDPOINT = "identity-credentials";

    private final Endpoint endpoint;

    public IdentityCredentialsRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Asks keystone for the user on every relation of the endpoint. */
    public void publish(IdentityCredentialsRequest request) {
        endpoint.publish(request.unitData());
    }

    /**
     * Complete when a keystone unit has everything the upstream ".available.auth" flag needs:
     * private-address, credentials_*, auth_*, api_version and the user/project/password/project id.
     */
    public Completeness<IdentityCredentials> read() {
        List<? extends RelationView> relations = endpoint.relations();
        if (relations.isEmpty()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        return UnitSelection.firstComplete(ENDPOINT, RemoteUnit.all(relations), this::parse);
    }

    private Completeness<IdentityCredentials> parse(RemoteUnit unit) {
        FieldReader r = unit.reader();
        r.requiredHost("private-address");
        ServiceEndpoint credentials = IdentityServiceRequirer.endpoint(r, "credentials");
        ServiceEndpoint auth = IdentityServiceRequirer.endpoint(r, "auth");
        String apiVersion = r.requiredText("api_version");
        if (apiVersion != null && !KeystoneApiVersion.isKnown(apiVersion)) {
            r.problem("'api_version' is not a Keystone API version (2 or 3)");
        }
        String username = r.requiredText("credentials_username");
        // Registered as soon as it is read, whether or not this unit's answer is complete.
        Secret password = Optional.ofNullable(r.requiredText("credentials_password"))
                .map(endpoint::secret)
                .orElse(null);
        String project = r.requiredText("credentials_project");
        String projectId = r.requiredText("credentials_project_id");
        Optional<String> region = r.text("region");
        Optional<String> userDomain = r.text("credentials_user_domain_name");
        Optional<String> userDomainId = r.text("credentials_user_domain_id");
        Optional<String> projectDomain = r.text("credentials_project_domain_name");
        Optional<String> projectDomainId = r.text("credentials_project_domain_id");
        boolean https = r.flag("https_keystone");
        Optional<String> ca = r.base64Pem("ca_cert");
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(p -> r.problem("'ca_cert' " + p));
        return r.result(() -> new IdentityCredentials(
                credentials,
                auth,
                username,
                password,
                project,
                projectId,
                apiVersion,
                region,
                userDomain,
                userDomainId,
                projectDomain,
                projectDomainId,
                https,
                ca));
    }
}
