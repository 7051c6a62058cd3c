package dev.instanceha.monitors;

import dev.instanceha.interfaces.identity.IdentityCredentials;
import dev.instanceha.ops.render.IniDocument;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * /etc/masakarimonitors/masakarimonitors.conf, derived from the identity-credentials answer and
 * the config. One file for every monitor: each reads [DEFAULT], [api] and its own sections.
 * Public so that real-component tests can render the file a charm would write and run the real
 * daemons with it.
 */
public final class MonitorsConfFile {
    public static final Path PATH = Path.of("/etc/masakarimonitors/masakarimonitors.conf");
    /** Keystone's CA when keystone is TLS; the monitors otherwise rely on the system trust store. */
    public static final Path KEYSTONE_CA = Path.of("/etc/masakarimonitors/keystone-ca.pem");

    private MonitorsConfFile() {}

    /**
     * @param credentials what keystone answered on identity-credentials
     * @param hostname this compute host's name in Masakari, Nova and pacemaker
     */
    public record Inputs(MonitorsConfig config, IdentityCredentials credentials, String hostname) {}

    public static IniDocument render(Inputs in) {
        MonitorsConfig config = in.config();
        IdentityCredentials keystone = in.credentials();
        IniDocument ini = new IniDocument("Managed by Juju (masakari-monitors charm): local changes are overwritten.");

        // 'hostname', not 'host': 'host' clashed with the [host] section (LP 1941643).
        IniDocument.Section defaults =
                ini.section("DEFAULT").put("debug", config.debug()).put("hostname", in.hostname());
        config.configFlags().forEach(defaults::put);

        ini.section("api")
                .put("auth_url", authUrl(keystone))
                .put("auth_type", "password")
                .put("username", keystone.username())
                .put("password", keystone.password().reveal())
                .put("project_name", keystone.project())
                .put("user_domain_name", keystone.userDomainName().orElse(null))
                .put("user_domain_id", domainId(keystone.userDomainName(), keystone.userDomainId()))
                .put("project_domain_name", keystone.projectDomainName().orElse(null))
                .put("project_domain_id", domainId(keystone.projectDomainName(), keystone.projectDomainId()))
                .put("region", config.region())
                .put("api_interface", config.apiInterface())
                .putIfPresent("cafile", keystone.caCertPem().map(pem -> KEYSTONE_CA));

        if (config.runs(Monitor.HOST) || config.runs(Monitor.HOST_JAVA)) {
            MonitorsConfig.HostSettings host = config.host();
            ini.section("host")
                    .put("restrict_to_remotes", host.restrictToRemotes())
                    .put("disable_ipmi_check", host.disableIpmiCheck())
                    .put("pacemaker_node_type", host.pacemakerNodeType())
                    .put("monitoring_interval", host.monitoringInterval())
                    .put("monitoring_samples", host.monitoringSamples())
                    .put("stonith_wait", host.stonithWait())
                    .put("api_retry_max", host.apiRetryMax())
                    .put("api_retry_interval", host.apiRetryInterval());
        }
        if (config.runs(Monitor.HOST_JAVA)) {
            // The names of this host that the java monitor must never report (its own node).
            ini.section("hostmonitor_java").put("hostname", String.join(",", ownNames(in.hostname())));
        }
        if (config.runs(Monitor.INSTANCE)) {
            ini.section("libvirt").put("connection_uri", "qemu:///system");
            ini.section("callback")
                    .put("retry_max", config.host().apiRetryMax())
                    .put("retry_interval", config.host().apiRetryInterval());
        }
        if (config.runs(Monitor.PROCESS)) {
            ini.section("process")
                    .put("process_list_path", ProcessList.PATH)
                    .put("api_retry_max", config.host().apiRetryMax())
                    .put("api_retry_interval", config.host().apiRetryInterval());
        }
        return ini;
    }

    /**
     * Keystone's v3 endpoint on the auth (admin) address, as upstream builds it from
     * auth_protocol/host/port; "/v3" spares keystoneauth a version discovery.
     */
    static String authUrl(IdentityCredentials keystone) {
        String base = keystone.auth().url();
        String version = keystone.apiVersion().strip();
        return "3".equals(version) || "v3".equalsIgnoreCase(version) ? base + "/v3" : base;
    }

    /** Keystone v3 needs a domain; without name or id from keystone the default domain is meant. */
    private static String domainId(Optional<String> name, Optional<String> id) {
        return id.orElse(name.isPresent() ? null : "default");
    }

    private static Set<String> ownNames(String hostname) {
        Set<String> names = new LinkedHashSet<>();
        names.add(hostname);
        int dot = hostname.indexOf('.');
        if (dot > 0) {
            names.add(hostname.substring(0, dot));
        }
        return names;
    }
}
