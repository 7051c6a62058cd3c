package dev.instanceha.interfaces.identity;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.ServiceEndpoint;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.interfaces.tls.KeyPairCheck;
import dev.instanceha.ops.model.Endpoint;
import java.util.Optional;

/** The requiring side of interface {@code keystone} (endpoint {@code identity-service}). */
public final class IdentityServiceRequirer {
    public static final String ENDPOINT = "identity-service";

    private final Endpoint endpoint;

    public IdentityServiceRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Registers the service and its endpoints in the catalog. */
    public void request(IdentityServiceRequest request) {
        endpoint.publish(request.unitData());
    }

    /** Complete once any keystone unit published the base data (charm-interface-keystone base_data_complete). */
    public Completeness<IdentityServiceData> read() {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        return UnitSelection.firstComplete(ENDPOINT, RemoteUnit.all(endpoint.relations()), this::parse);
    }

    Completeness<IdentityServiceData> parse(RemoteUnit unit) {
        FieldReader r = unit.reader();
        // keystone answers an unknown service name with admin_token=-1 and nothing else useful.
        if (r.text("admin_token").filter("-1"::equals).isPresent()) {
            r.problem("'admin_token' is -1: keystone rejected the service name");
            return Completeness.incomplete(r.summary());
        }
        ServiceEndpoint service = endpoint(r, "service");
        ServiceEndpoint auth = endpoint(r, "auth");
        Optional<ServiceEndpoint> internal =
                r.has("internal_host") ? Optional.ofNullable(endpoint(r, "internal")) : Optional.empty();
        String username = r.requiredText("service_username");
        String password = r.requiredText("service_password");
        String tenant = r.requiredText("service_tenant");
        String tenantId = r.requiredText("service_tenant_id");
        Optional<String> domain = r.text("service_domain");
        Optional<String> domainId = r.text("service_domain_id");
        Optional<String> userId = r.text("service_user_id");
        Optional<String> adminDomainId = r.text("admin_domain_id");
        Optional<String> adminProjectId = r.text("admin_project_id");
        Optional<String> adminUserId = r.text("admin_user_id");
        Optional<String> apiVersion = r.text("api_version");
        apiVersion
                .filter(v -> !KeystoneApiVersion.isKnown(v))
                .ifPresent(v -> r.problem("'api_version' is not a Keystone API version (2 or 3)"));
        Optional<String> region = r.text("region");
        boolean https = r.flag("https_keystone");
        Optional<String> ca = r.base64Pem("ca_cert");
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(p -> r.problem("'ca_cert' " + p));
        return r.result(() -> new IdentityServiceData(
                service,
                auth,
                internal,
                username,
                endpoint.secret(password),
                tenant,
                tenantId,
                domain,
                domainId,
                userId,
                adminDomainId,
                adminProjectId,
                adminUserId,
                apiVersion,
                region,
                https,
                ca));
    }

    /** Reads {@code <prefix>_protocol}, {@code <prefix>_host}, {@code <prefix>_port}. */
    static ServiceEndpoint endpoint(FieldReader r, String prefix) {
        String protocol = r.requiredText(prefix + "_protocol");
        String host = r.requiredHost(prefix + "_host");
        int port = r.requiredPort(prefix + "_port");
        if (protocol != null && !ServiceEndpoint.isProtocol(protocol)) {
            r.problem("'" + prefix + "_protocol' is neither http nor https");
            return null;
        }
        return protocol == null || host == null || port == 0 ? null : new ServiceEndpoint(protocol, host, port);
    }
}
