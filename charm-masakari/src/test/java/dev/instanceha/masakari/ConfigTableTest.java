package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.tls.TlsFixtures;
import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.ConfigSchema;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.Result;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option of config.yaml with values an operator may get wrong: each must end the hook blocked,
 * with a one-line message of bounded length that names the option, and render nothing.
 */
class ConfigTableTest {
    static final String HUGE = "a".repeat(100_000);
    static final long WRAPS_TO_ONE = 4_294_967_297L;
    /** Booleans: Juju itself refuses anything but true/false for them. */
    static final Set<String> TYPED_BY_JUJU = Set.of(
            "action-managed-upgrade",
            "debug",
            "verbose",
            "use-syslog",
            "use-internal-endpoints",
            "evacuate-all-instances",
            "ignore-instances-in-error-state",
            "add-reserved-host-to-aggregate",
            "process-all-instances");

    final CharmTestContext ctx = new CharmTestContext(MasakariCharm::new, MasakariCharmTest.CHARM);

    static Stream<Arguments> badValues() {
        Stream.Builder<Arguments> out = Stream.builder();
        bad(out, "openstack-origin", "cloud:bad origin", "must be distro");
        bad(out, "openstack-origin", "cloud:jammy-caracal\ndeb http://evil/ ./", "must be distro");
        bad(out, "openstack-origin", "deb http://archive/ jammy main\rdeb http://evil/ ./", "must be distro");
        bad(out, "openstack-origin", HUGE, "must be distro");
        bad(out, "openstack-origin", "caracal-ünï", "must be distro");
        bad(out, "openstack-origin", "deb http://10.0.0.300/ubuntu jammy main|", "no key id");
        bad(out, "openstack-origin", "deb http://10.0.0.300/ubuntu jammy main", "valid host");
        bad(out, "openstack-origin", "deb ftp//archive jammy", "valid host");
        bad(out, "openstack-origin", "deb http://archive.example/ubuntu", "must be 'deb URI SUITE");
        bad(out, "openstack-origin", "deb http://archive.example/ubuntu jammy main|not-a-key", "no key id");
        bad(out, "region", "Region One", "may not contain");
        bad(out, "region", "Région", "may not contain");
        bad(out, "region", "RegionOne\n[DEFAULT]\ndebug=true", "may not contain");
        bad(out, "region", HUGE, "may not contain");
        bad(out, "region", " ", "is required");
        for (String key : List.of(
                "evacuation-delay",
                "wait-period-after-evacuation",
                "wait-period-after-power-off",
                "wait-period-after-power-on",
                "duplicate-notification-detection-interval")) {
            bad(out, key, -5, "between 0 and");
            bad(out, key, WRAPS_TO_ONE, "between 0 and");
            bad(out, key, Long.MIN_VALUE, "between 0 and");
        }
        bad(out, "host-failure-recovery-threads", 0, "between 1 and 64");
        bad(out, "host-failure-recovery-threads", 65, "between 1 and 64");
        bad(out, "host-failure-recovery-threads", WRAPS_TO_ONE + 2, "between 1 and 64");
        bad(out, "ha-enabled-instance-metadata-key", "HA Enabled", "may not contain");
        bad(out, "ha-enabled-instance-metadata-key", "ключ", "may not contain");
        bad(out, "ha-enabled-instance-metadata-key", HUGE, "may not contain");
        bad(out, "ha-enabled-instance-metadata-key", "HA\n[DEFAULT]\ndebug=true", "may not contain");
        for (String key : List.of("notification-expiration", "check-expired-interval")) {
            bad(out, key, 0, "between 1 and");
            bad(out, key, -600, "between 1 and");
            bad(out, key, WRAPS_TO_ONE * 2, "between 1 and");
        }
        for (String key : List.of("os-admin-network", "os-internal-network", "os-public-network", "os-data-network")) {
            bad(out, key, "10.5.0.0/33", "CIDR form");
            bad(out, key, "10.0.0.300/24", "CIDR form");
            bad(out, key, "not-a-network", "CIDR form");
            bad(out, key, "10.5.0.0", "CIDR form");
            bad(out, key, "fd00::/129", "CIDR form");
            bad(out, key, HUGE, "CIDR form");
        }
        for (String key : List.of("os-admin-hostname", "os-internal-hostname", "os-public-hostname")) {
            bad(out, key, "bad_host!", "DNS hostname");
            bad(out, key, "10.0.0.300", "DNS hostname");
            bad(out, key, "masakari.example\n[DEFAULT]", "DNS hostname");
            bad(out, key, "hôst.example", "DNS hostname");
            bad(out, key, HUGE, "DNS hostname");
        }
        bad(out, "worker-multiplier", -1.0, "above 0");
        bad(out, "worker-multiplier", 0.0, "above 0");
        bad(out, "worker-multiplier", 65.0, "at most 64");
        for (String key : List.of(
                "haproxy-server-timeout",
                "haproxy-client-timeout",
                "haproxy-queue-timeout",
                "haproxy-connect-timeout")) {
            bad(out, key, -1, "between 0 and");
            bad(out, key, WRAPS_TO_ONE, "between 0 and");
        }
        bad(out, "dns-ha", true, "not supported");
        out.add(Arguments.of("dns-ha", Map.of("dns-ha", true, "vip", "10.5.100.1"), "mutually exclusive"));
        bad(out, "vip", "10.0.0.300", "is not one");
        bad(out, "vip", "myhost.example", "is not one");
        bad(out, "vip", "10.5.100.1,10.5.100.2", "is not one");
        bad(out, "vip", "::g", "is not one");
        bad(out, "vip", HUGE, "is not one");
        bad(out, "vip", "10.5.100.1/24", "is not one");
        bad(out, "vip_iface", "eth0; reboot", "network interface name");
        bad(out, "vip_iface", "an-interface-name-too-long", "network interface name");
        bad(out, "vip_iface", "eth0\nnic=evil", "network interface name");
        bad(out, "vip_cidr", 0, "between 1 and 128");
        bad(out, "vip_cidr", 129, "between 1 and 128");
        bad(out, "vip_cidr", WRAPS_TO_ONE + 23, "between 1 and 128");
        out.add(Arguments.of("vip_cidr", Map.of("vip", "10.5.100.1", "vip_cidr", 33), "at most 32"));
        bad(out, "ssl_cert", "not-base64!!", "base64");
        out.add(Arguments.of(
                "ssl_key",
                Map.of(
                        "ssl_cert",
                        TlsFixtures.base64(TlsFixtures.RSA_CERT),
                        "ssl_key",
                        TlsFixtures.base64(TlsFixtures.JUNK_KEY)),
                "is not a PEM private key"));
        out.add(Arguments.of("ssl_key", Map.of("ssl_cert", TlsFixtures.base64(TlsFixtures.RSA_CERT)), "set together"));
        out.add(Arguments.of("ssl_cert", Map.of("ssl_key", TlsFixtures.base64(TlsFixtures.RSA_KEY)), "set together"));
        bad(out, "ssl_ca", TlsFixtures.base64(TlsFixtures.JUNK_CERT), "is not a PEM X.509 certificate");
        bad(out, "ssl_ca", TlsFixtures.base64(HUGE), "must be base64 of a PEM");
        return out.build();
    }

    private static void bad(Stream.Builder<Arguments> out, String key, Object value, String expected) {
        out.add(Arguments.of(key, Map.of(key, value), expected));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueBlocksNamingTheOption(String key, Map<String, Object> config, String expected) {
        FakeHost host = MasakariCharmTest.debianHost();
        Result out =
                ctx.run(Event.configChanged(), MasakariCharmTest.related(true).withConfig(config), host);
        assertTrue(out.blockedOnConfig(key, expected), out.exitCode() + " " + out.statusHistory());
        String message = out.unitStatus().message();
        assertTrue(message.lines().count() == 1 && message.length() <= 300, "one bounded line: " + message);
        assertTrue(host.file(MasakariConfFile.PATH).isEmpty(), "nothing rendered from bad config");
    }

    @Test
    void everyOptionIsInTheTable() {
        Set<String> covered = new HashSet<>(TYPED_BY_JUJU);
        badValues().forEach(a -> covered.add((String) a.get()[0]));
        Set<String> options = ConfigSchema.load(MasakariCharmTest.CHARM.resolve("config.yaml"))
                .options()
                .keySet();
        Set<String> missing = new HashSet<>(options);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "options without a bad-value row");
    }

    /** Values of the wrong type, as a hand-edited or older Juju could deliver them. */
    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("evacuation-delay", "abc"),
                Arguments.of("evacuation-delay", "1.5"),
                Arguments.of("evacuation-delay", 1.5),
                Arguments.of("vip_cidr", "24 bits"),
                Arguments.of("debug", "yes please"),
                Arguments.of("worker-multiplier", "lots"),
                Arguments.of("host-failure-recovery-threads", List.of(3)),
                Arguments.of("dns-ha", 1));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void wrongTypesNameTheOption(String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        CharmConfig config = new CharmConfig(ConfigSchema.load(MasakariCharmTest.CHARM.resolve("config.yaml")), values);
        ConfigException e = assertThrows(ConfigException.class, () -> config.as(MasakariConfig.class));
        assertEquals(key, e.key());
    }
}
