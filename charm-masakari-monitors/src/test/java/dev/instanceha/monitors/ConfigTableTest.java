package dev.instanceha.monitors;

import static dev.instanceha.monitors.Fixtures.debianHost;
import static dev.instanceha.monitors.Fixtures.related;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.ConfigSchema;
import dev.instanceha.ops.model.Status;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option of config.yaml with values an operator may get wrong: each must end the hook blocked,
 * with a one-line message of bounded length naming the option, and change nothing on the machine.
 */
class ConfigTableTest {
    static final String HUGE = "a".repeat(100_000);
    static final long WRAPS_TO_ONE = 4_294_967_297L;
    /** Booleans: Juju itself refuses anything but true/false. */
    static final Set<String> TYPED_BY_JUJU = Set.of(
            "use-internal-endpoints",
            "debug",
            "verbose",
            "use-syslog",
            "enable-host-monitor",
            "enable-instance-monitor",
            "enable-process-monitor",
            "restrict-to-remotes",
            "disable-ipmi-check");
    /** Kept for upstream bundles and documented as having no effect: any value is harmless. */
    static final Set<String> NO_EFFECT = Set.of("ssl_cert", "ssl_key", "ssl_ca");

    final CharmTestContext ctx =
            new CharmTestContext(() -> new MasakariMonitorsCharm(System.getProperty("java.home")), Fixtures.CHARM);

    static Stream<Arguments> badValues() {
        Stream.Builder<Arguments> out = Stream.builder();
        bad(out, "region", "Region One", "must be a region name");
        bad(out, "region", "Région", "must be a region name");
        bad(out, "region", "RegionOne\n[DEFAULT]\ndebug=true", "must be a region name");
        bad(out, "region", HUGE, "must be a region name");
        bad(out, "region", "", "is required");
        bad(out, "config-flags", "debug=true", "use the charm option debug");
        bad(out, "config-flags", "hostname=evil", "use the charm option hostname");
        bad(out, "config-flags", "no pairs here", "option=value pairs");
        bad(out, "config-flags", "{\"json\": \"is not the format\"}", "option=value pairs");
        bad(out, "config-flags", "a=b\n[DEFAULT]\ndebug=true", "on one line");
        bad(out, "config-flags", "a=b\r\nc", "on one line");
        bad(out, "config-flags", "=value", "option=value pairs");
        bad(out, "config-flags", "ключ=1", "option=value pairs");
        bad(out, "config-flags", "a=" + HUGE, "at most 4096");
        bad(out, "host-monitor", "python", "must be one of java, upstream");
        bad(out, "host-monitor", HUGE, "must be one of java, upstream");
        bad(out, "host-monitor", "java\nupstream", "must be one of java, upstream");
        bad(out, "hostname", "10.5.1.7", "must be a DNS host name");
        bad(out, "hostname", "10.0.0.300", "must be a DNS host name");
        bad(out, "hostname", "compute_1!", "must be a DNS host name");
        bad(out, "hostname", "compute-1\n[DEFAULT]", "must be a DNS host name");
        bad(out, "hostname", "hôte.maas", "must be a DNS host name");
        bad(out, "hostname", HUGE, "must be a DNS host name");
        bad(out, "pacemaker-node-type", "member", "must be one of");
        bad(out, "pacemaker-node-type", "", "is required");
        for (String key : List.of("monitoring-interval", "monitoring-samples")) {
            bad(out, key, 0, "at least 1");
            bad(out, key, -1, "at least 1");
            bad(out, key, WRAPS_TO_ONE, "at most");
        }
        for (String key : List.of("stonith-wait", "api-retry-max", "api-retry-interval")) {
            bad(out, key, -1, "at least 0");
            bad(out, key, WRAPS_TO_ONE, "at most");
            bad(out, key, Long.MIN_VALUE, "at least 0");
        }
        out.add(Arguments.of(
                "disable-ipmi-check",
                Map.of("host-monitor", "upstream", "disable-ipmi-check", false),
                "restrict-to-remotes"));
        out.add(Arguments.of(
                "enable-host-monitor",
                Map.of("enable-host-monitor", false, "enable-instance-monitor", false),
                "enable at least one monitor"));
        bad(out, "process-list", "- [unclosed", "is not valid YAML");
        bad(out, "process-list", "process_name: x", "must be a YAML list");
        bad(out, "process-list", "- restart_command: x", "needs a process_name");
        bad(out, "process-list", "- process_name: x\n  restart: y", "unknown key 'restart'");
        bad(out, "process-list", "- process_name: x\n  run_as_root: maybe", "run_as_root must be true or false");
        bad(out, "process-list", "- process_name: x\n  restart_command: \"a\\nb\"", "must be on one line");
        bad(out, "process-list", "- process_name: x\n  \"" + "k".repeat(500) + "\": y", "unknown key");
        bad(out, "process-list", "- process_name: {a: b}", "must be a command line");
        bad(out, "process-list", "[" + HUGE, "is not valid YAML");
        return out.build();
    }

    private static void bad(Stream.Builder<Arguments> out, String key, Object value, String expected) {
        out.add(Arguments.of(key, Map.of(key, value), expected));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueBlocksNamingTheOption(String key, Map<String, Object> config, String expected) {
        FakeHost host = debianHost();
        Map<String, Object> values = new HashMap<>(config);
        if (key.equals("process-list")) {
            values.put("enable-process-monitor", true);
        }
        Result out = ctx.run(Event.configChanged(), related().withConfig(values), host);
        assertTrue(out.blockedOnConfig(key, expected), out.exitCode() + " " + out.statusHistory());
        String message = out.unitStatus().message();
        assertTrue(message.lines().count() == 1 && message.length() <= 300, "one bounded line: " + message);
        assertTrue(host.file(MonitorsConfFile.PATH).isEmpty(), "nothing rendered from bad config");
        assertTrue(host.serviceLog().isEmpty(), host.serviceLog().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssl_cert", "ssl_key", "ssl_ca"})
    void optionsWithoutEffectIgnoreEvenHostileValues(String key) {
        FakeHost host = debianHost();
        Result out =
                ctx.run(Event.configChanged(), related().withConfig(key, "junk\n[DEFAULT]\ndebug=true" + HUGE), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertTrue(!host.file(MonitorsConfFile.PATH).orElseThrow().text().contains("junk"));
    }

    @Test
    void everyOptionIsInTheTable() {
        Set<String> covered = new HashSet<>(TYPED_BY_JUJU);
        covered.addAll(NO_EFFECT);
        badValues().forEach(a -> covered.add((String) a.get()[0]));
        Set<String> missing = new HashSet<>(ConfigSchema.load(Fixtures.CHARM.resolve("config.yaml"))
                .options()
                .keySet());
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "options without a bad-value row");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("monitoring-interval", "abc"),
                Arguments.of("monitoring-interval", "1.5"),
                Arguments.of("stonith-wait", 1.5),
                Arguments.of("debug", "yes please"),
                Arguments.of("enable-host-monitor", 1),
                Arguments.of("api-retry-max", List.of(1)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void wrongTypesNameTheOption(String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        CharmConfig config = new CharmConfig(ConfigSchema.load(Fixtures.CHARM.resolve("config.yaml")), values);
        ConfigException e = assertThrows(ConfigException.class, () -> config.as(MonitorsConfig.class));
        assertEquals(key, e.key());
    }
}
