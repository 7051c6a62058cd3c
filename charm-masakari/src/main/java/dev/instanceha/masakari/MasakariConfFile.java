package dev.instanceha.masakari;

import dev.instanceha.interfaces.amqp.AmqpConnection;
import dev.instanceha.interfaces.db.DatabaseAccess;
import dev.instanceha.interfaces.identity.IdentityServiceData;
import dev.instanceha.ops.render.IniDocument;
import java.nio.file.Path;
import java.util.Optional;

/**
 * /etc/masakari/masakari.conf, derived from the relations and the config. Every key masakari
 * 14 reads from the places upstream's template sets, plus the engine options users asked for.
 */
public final class MasakariConfFile {
    public static final Path PATH = Path.of("/etc/masakari/masakari.conf");
    /** Where the rabbitmq CA goes when amqp is TLS (oslo.messaging reads a file, not PEM text). */
    public static final Path RABBIT_CA = Path.of("/etc/masakari/rabbit-client-ca.pem");
    /** Where the database CA/cert/key go when shared-db asks for TLS. */
    public static final Path DB_SSL_DIR = Path.of("/etc/masakari/db-ssl");

    private MasakariConfFile() {}

    /** Everything the file is made from. {@code taskflowPersistence} is false where the package lacks its migrations. */
    public record Inputs(
            MasakariConfig config,
            DatabaseAccess database,
            AmqpConnection amqp,
            IdentityServiceData identity,
            boolean taskflowPersistence) {}

    public static IniDocument render(Inputs in) {
        MasakariConfig config = in.config();
        IdentityServiceData keystone = in.identity();
        IniDocument ini = new IniDocument("Managed by Juju (masakari charm): local changes are overwritten.");
        String domain = keystone.serviceDomain().orElse("default");
        String interfaceName = config.useInternalEndpoints() ? "internalURL" : "publicURL";
        String authUrl = keystone.authUrl();

        MasakariConfig.Engine engine = config.engine();
        ini.section("DEFAULT")
                .put("enabled_apis", "masakari_api")
                .put("debug", config.debug())
                .put("use_syslog", config.useSyslog())
                .put("auth_strategy", "keystone")
                .put("notification_driver", "taskflow_driver")
                .put("os_region_name", config.region())
                .put("transport_url", in.amqp().transportUrl())
                .put("nova_catalog_admin_info", "compute:nova:" + interfaceName)
                .put("os_privileged_user_name", keystone.serviceUsername())
                .put("os_privileged_user_password", keystone.servicePassword())
                .put("os_privileged_user_tenant", keystone.serviceTenant())
                .put("os_privileged_user_auth_url", authUrl + "/v3")
                .put("os_user_domain_name", domain)
                .put("os_project_domain_name", domain)
                .putIfPresent("nova_ca_certificates_file", keystone.caCertPem().map(pem -> MasakariFiles.KEYSTONE_CA))
                .put("wait_period_after_service_update", engine.evacuationDelay())
                .put("wait_period_after_evacuation", engine.waitPeriodAfterEvacuation())
                .put("wait_period_after_power_off", engine.waitPeriodAfterPowerOff())
                .put("wait_period_after_power_on", engine.waitPeriodAfterPowerOn())
                .put("duplicate_notification_detection_interval", engine.duplicateNotificationDetectionInterval())
                .put("host_failure_recovery_threads", engine.hostFailureRecoveryThreads())
                .putIfPresent("notifications_expired_interval", config.notificationExpiration())
                .putIfPresent("check_expired_notifications_interval", config.checkExpiredInterval());

        ini.section("wsgi").put("api_paste_config", "/etc/masakari/api-paste.ini");
        ini.section("database").put("connection", databaseUrl(in.database()));
        if (in.taskflowPersistence()) {
            ini.section("taskflow").put("connection", databaseUrl(in.database()));
        }
        ini.section("keystone_authtoken")
                .put("www_authenticate_uri", keystone.serviceUrl())
                .put("auth_url", authUrl)
                .put("auth_type", "password")
                .put("project_domain_name", domain)
                .put("user_domain_name", domain)
                .put("project_name", keystone.serviceTenant())
                .put("username", keystone.serviceUsername())
                .put("password", keystone.servicePassword())
                .put("region_name", config.region())
                .put("service_token_roles_required", true)
                .putIfPresent("cafile", keystone.caCertPem().map(pem -> MasakariFiles.KEYSTONE_CA));
        ini.section("host_failure")
                .put("evacuate_all_instances", engine.evacuateAllInstances())
                .put("ignore_instances_in_error_state", engine.ignoreInstancesInErrorState())
                .put("add_reserved_host_to_aggregate", engine.addReservedHostToAggregate())
                .put("ha_enabled_instance_metadata_key", engine.haEnabledMetadataKey());
        ini.section("instance_failure")
                .put("process_all_instances", engine.processAllInstances())
                .put("ha_enabled_instance_metadata_key", engine.haEnabledMetadataKey());
        if (in.amqp().ssl()) {
            ini.section("oslo_messaging_rabbit")
                    .put("ssl", true)
                    .putIfPresent("ssl_ca_file", in.amqp().sslCaPem().map(pem -> RABBIT_CA));
        }
        if (in.amqp().haQueues()) {
            ini.section("oslo_messaging_rabbit").put("rabbit_ha_queues", true);
        }
        ini.section("oslo_concurrency").put("lock_path", "/var/lock/masakari");
        return ini;
    }

    /** oslo.db URL; with shared-db TLS the CA/cert/key files are named in the query string. */
    static String databaseUrl(DatabaseAccess db) {
        StringBuilder url = new StringBuilder(db.connectionUrl());
        Optional<String> query = Optional.empty();
        if (db.sslCaPem().isPresent()) {
            StringBuilder q = new StringBuilder("ssl_ca=").append(DB_SSL_DIR.resolve("ca.pem"));
            if (db.sslCertPem().isPresent()) {
                q.append("&ssl_cert=")
                        .append(DB_SSL_DIR.resolve("cert.pem"))
                        .append("&ssl_key=")
                        .append(DB_SSL_DIR.resolve("key.pem"));
            }
            query = Optional.of(q.toString());
        }
        query.ifPresent(q -> url.append('?').append(q));
        return url.toString();
    }
}
