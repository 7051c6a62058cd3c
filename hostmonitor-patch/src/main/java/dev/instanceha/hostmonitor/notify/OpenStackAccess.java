package dev.instanceha.hostmonitor.notify;

import dev.instanceha.hostmonitor.config.ApiSettings;
import dev.instanceha.ops.client.KeystoneCredentials;
import dev.instanceha.ops.client.KeystoneCredentials.Ref;
import dev.instanceha.ops.client.Tls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Optional;

/** What masakarimonitors.conf [api] means to the shared client: TLS, timeouts and Keystone credentials. */
public final class OpenStackAccess {
    private OpenStackAccess() {}

    /** One HttpClient for Keystone and Masakari, honouring [api] cafile (added to the JDK's CAs), insecure and timeout. */
    public static HttpClient httpClient(ApiSettings api) throws IOException {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(api.timeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (api.insecure()) {
            // Same meaning as keystoneauth's insecure: no certificate or host name check.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            builder.sslContext(Tls.trustingAnyCertificate());
        } else if (api.cafile().isPresent()) {
            try {
                builder.sslContext(Tls.trusting(Path.of(api.cafile().get())));
            } catch (Tls.TlsException e) {
                throw new IOException("[api] cafile: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** User by id, else by name in its domain; project likewise; a domain by id, else name, else "default". */
    public static KeystoneCredentials credentials(ApiSettings api) {
        Ref user = api.userId()
                .map(Ref::byId)
                .orElseGet(() ->
                        Ref.byName(api.username().orElseThrow(), domain(api.userDomainId(), api.userDomainName())));
        Ref project = api.projectId()
                .map(Ref::byId)
                .orElseGet(() -> Ref.byName(
                        api.projectName().orElseThrow(), domain(api.projectDomainId(), api.projectDomainName())));
        return new KeystoneCredentials(api.authUrl(), user, api.password(), project);
    }

    private static Ref domain(Optional<String> id, Optional<String> name) {
        return id.map(Ref::byId).orElseGet(() -> name.map(Ref::domainNamed).orElse(Ref.DEFAULT_DOMAIN));
    }
}
