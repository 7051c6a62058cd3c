package dev.instanceha.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lab's masakari and corosync settings, as the charms' renderers now write them, are the ones the
 * lab ran with before (its former hand-written files): masakari reads masakari.conf and then
 * masakari-lab.conf, so a key in the second wins.
 */
class LabConfigFilesTest {
    private static final Path LOCK = Path.of("/lab-run/masakari/lock");

    @Test
    void masakariSeesTheLabsSettingsWithTheLabFileOverTheCharmsFile() {
        Map<String, String> seen =
                parse(LabConfigFiles.masakariConf(Lab.get().dir().getParent().getParent())
                        .render());
        seen.putAll(parse(LabConfigFiles.masakariLabConf(LOCK).render()));
        String keystone = "http://" + Lab.HOST + ":" + Lab.KEYSTONE_PORT;
        Map<String, String> want = new LinkedHashMap<>();
        want.put("DEFAULT.auth_strategy", "keystone");
        want.put("DEFAULT.masakari_api_listen", Lab.HOST);
        want.put("DEFAULT.masakari_api_listen_port", Integer.toString(Lab.MASAKARI_PORT));
        want.put("DEFAULT.masakari_api_workers", "1");
        want.put(
                "DEFAULT.transport_url",
                "rabbit://masakari:" + Lab.RABBIT_PASSWORD + "@" + Lab.HOST + ":" + Lab.RABBIT_PORT + "/masakari");
        want.put("DEFAULT.os_region_name", "RegionOne");
        want.put("DEFAULT.nova_catalog_admin_info", "compute:nova:publicURL");
        want.put("DEFAULT.os_privileged_user_name", "masakari");
        want.put("DEFAULT.os_privileged_user_password", Lab.SERVICE_PASSWORD);
        want.put("DEFAULT.os_privileged_user_tenant", "services");
        want.put("DEFAULT.os_privileged_user_auth_url", keystone + "/v3");
        want.put("DEFAULT.os_user_domain_name", "Default");
        want.put("DEFAULT.os_project_domain_name", "Default");
        want.put("DEFAULT.wait_period_after_service_update", "1");
        want.put("DEFAULT.wait_period_after_evacuation", "30");
        want.put("DEFAULT.wait_period_after_power_off", "10");
        want.put("DEFAULT.verify_interval", "1");
        want.put("DEFAULT.duplicate_notification_detection_interval", "1");
        want.put("DEFAULT.process_unfinished_notifications_interval", "60");
        want.put("DEFAULT.retry_notification_new_status_interval", "10");
        want.put("wsgi.api_paste_config", "/etc/masakari/api-paste.ini");
        want.put(
                "database.connection",
                "mysql+pymysql://masakari:" + Lab.DB_PASSWORD + "@" + Lab.HOST + ":" + Lab.MYSQL_PORT + "/masakari");
        want.put("keystone_authtoken.www_authenticate_uri", keystone);
        want.put("keystone_authtoken.auth_url", keystone);
        want.put("keystone_authtoken.auth_type", "password");
        want.put("keystone_authtoken.project_domain_name", "Default");
        want.put("keystone_authtoken.user_domain_name", "Default");
        want.put("keystone_authtoken.project_name", "services");
        want.put("keystone_authtoken.username", "masakari");
        want.put("keystone_authtoken.password", Lab.SERVICE_PASSWORD);
        want.put("keystone_authtoken.region_name", "RegionOne");
        want.put("oslo_concurrency.lock_path", LOCK.toString());
        want.put("host_failure.evacuate_all_instances", "True");
        want.forEach((key, value) -> assertEquals(value, seen.get(key), key));
        // Debian bookworm's python3-taskflow lacks its migrations: the lab must not ask for persistence.
        assertFalse(seen.keySet().stream().anyMatch(k -> k.startsWith("taskflow.")), seen.toString());
    }

    @Test
    void corosyncIsTheLabsOneNodeUnencryptedClusterOnLoopback() {
        String conf = LabConfigFiles.corosyncConf();
        for (String line : new String[] {
            "cluster_name: instanceha-lab",
            "crypto_cipher: none",
            "crypto_hash: none",
            "ring0_addr: " + Lab.HOST,
            "name: " + Lab.CLUSTER_NODE,
            "nodeid: 1",
            "provider: corosync_votequorum"
        }) {
            assertTrue(conf.contains("    " + line + "\n"), line + " in\n" + conf);
        }
        assertFalse(conf.contains("two_node"), "one node needs no two_node quorum:\n" + conf);
    }

    /** section.key -> value of an INI text (the renderer writes "key = value"; no continuation lines). */
    private static Map<String, String> parse(String ini) {
        Map<String, String> out = new LinkedHashMap<>();
        String section = "";
        for (String line : ini.split("\n")) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
            } else if (line.contains(" = ") && !line.startsWith("#")) {
                out.put(
                        section + "." + line.substring(0, line.indexOf(" = ")),
                        line.substring(line.indexOf(" = ") + 3));
            }
        }
        return out;
    }
}
