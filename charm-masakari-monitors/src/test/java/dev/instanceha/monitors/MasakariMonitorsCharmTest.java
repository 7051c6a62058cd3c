package dev.instanceha.monitors;

import static dev.instanceha.interfaces.identity.KeystoneFixtures.identityCredentials;
import static dev.instanceha.monitors.Fixtures.CA_PEM;
import static dev.instanceha.monitors.Fixtures.FQDN;
import static dev.instanceha.monitors.Fixtures.JAVA_HOME;
import static dev.instanceha.monitors.Fixtures.OTHER_PASSWORD;
import static dev.instanceha.monitors.Fixtures.PASSWORD;
import static dev.instanceha.monitors.Fixtures.debianHost;
import static dev.instanceha.monitors.Fixtures.keystone;
import static dev.instanceha.monitors.Fixtures.principal;
import static dev.instanceha.monitors.Fixtures.related;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MasakariMonitorsCharmTest {
    static final String JAVA = "masakari-hostmonitor-java";
    static final String UPSTREAM_HOST = "masakari-host-monitor";
    static final String INSTANCE = "masakari-instance-monitor";
    static final String PROCESS = "masakari-process-monitor";
    final CharmTestContext ctx = new CharmTestContext(() -> new MasakariMonitorsCharm(JAVA_HOME), Fixtures.CHARM);

    static String shown(Result out) {
        return out.unitStatus().level().jujuName() + ": " + out.unitStatus().message();
    }

    static String conf(FakeHost host) {
        return host.file(MonitorsConfFile.PATH).orElseThrow().text();
    }

    /** The lines of one INI section, "key = value". */
    static List<String> section(String ini, String name) {
        String[] parts = ini.split("\n\\[");
        for (String part : parts) {
            if (part.startsWith(name + "]")) {
                return part.lines().skip(1).filter(l -> !l.isBlank()).toList();
            }
        }
        return List.of();
    }

    // --- relations

    static Stream<Arguments> relationCombinations() {
        Map<String, String> noPassword = new TreeMap<>(identityCredentials(PASSWORD));
        noPassword.remove("credentials_password");
        RelationState noUnits = RelationState.of("identity-credentials", 4, "keystone");
        RelationState emptyPrincipal =
                RelationState.of("container", 1, "nova-compute").withRemoteUnit("nova-compute/0", Map.of());
        return Stream.of(
                Arguments.of(List.of(), "blocked: 'container', 'identity-credentials' missing", false),
                Arguments.of(List.of(principal()), "blocked: 'identity-credentials' missing", false),
                Arguments.of(List.of(keystone()), "blocked: 'container' missing", false),
                Arguments.of(
                        List.of(principal(), noUnits),
                        "waiting: 'identity-credentials' incomplete: no remote unit has joined",
                        false),
                Arguments.of(
                        List.of(principal(), keystone(noPassword)),
                        "waiting: 'identity-credentials' incomplete: keystone/0: missing 'credentials_password'",
                        false),
                Arguments.of(
                        List.of(emptyPrincipal, keystone()),
                        "waiting: 'container' incomplete: nova-compute/0: missing 'private-address'",
                        false),
                Arguments.of(
                        List.of(emptyPrincipal, noUnits),
                        "waiting: 'container', 'identity-credentials' incomplete: "
                                + "container: nova-compute/0: missing 'private-address'",
                        false),
                Arguments.of(List.of(principal(), keystone()), "active: Unit is ready", true));
    }

    @ParameterizedTest
    @MethodSource("relationCombinations")
    void statusForEveryRelationCombination(List<RelationState> relations, String expected, boolean configured) {
        State state = State.of("masakari-monitors/0");
        for (RelationState relation : relations) {
            state = state.withRelation(relation);
        }
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(expected, shown(out));
        assertEquals(configured, host.file(MonitorsConfFile.PATH).isPresent(), "config only from complete credentials");
        assertEquals(configured, host.runningServices().contains(JAVA), "monitors started only with credentials");
    }

    @Test
    void credentialsRequestIsWhatKeystoneExpects() {
        Result out = ctx.run(Event.relationJoined(keystone(), "keystone/0"), related(), debianHost());
        // Unused optional keys (domain, roles, grants) are left unset, as upstream sends them as None.
        assertEquals(
                Map.of("username", "masakari-monitors", "project", "services"),
                out.localUnitData("identity-credentials"));
        Result before = ctx.run(
                Event.relationJoined(keystone(Map.of()), "keystone/0"),
                State.of("masakari-monitors/0").withRelation(principal()).withRelation(keystone(Map.of())),
                debianHost());
        assertEquals(
                Map.of("username", "masakari-monitors", "project", "services"),
                before.localUnitData("identity-credentials"),
                "asked before keystone answered");
    }

    // --- rendered files

    @Test
    void configHoldsCredentialsHostSettingsAndHostname() {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.relationChanged(keystone(), "keystone/0"), related(), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        String ini = conf(host);
        assertEquals(List.of("debug = False", "hostname = " + FQDN), section(ini, "DEFAULT"));
        assertEquals(
                List.of(
                        "auth_url = http://10.5.0.20:35357/v3",
                        "auth_type = password",
                        "username = masakari-monitors",
                        "password = " + PASSWORD,
                        "project_name = services",
                        "user_domain_name = service_domain",
                        "user_domain_id = 7e2b1d7c4a6f4c7a9b1e0c2d3f4a5b6c",
                        "project_domain_name = service_domain",
                        "project_domain_id = 7e2b1d7c4a6f4c7a9b1e0c2d3f4a5b6c",
                        "region = RegionOne",
                        "api_interface = public"),
                section(ini, "api"));
        assertEquals(
                List.of(
                        "restrict_to_remotes = True",
                        "disable_ipmi_check = True",
                        "pacemaker_node_type = autodetect",
                        "monitoring_interval = 60",
                        "monitoring_samples = 1",
                        "stonith_wait = 30",
                        "api_retry_max = 12",
                        "api_retry_interval = 10"),
                section(ini, "host"));
        assertEquals(List.of("hostname = compute-1.maas,compute-1"), section(ini, "hostmonitor_java"));
        assertEquals(List.of("connection_uri = qemu:///system"), section(ini, "libvirt"));
        assertEquals(List.of(), section(ini, "process"), "process monitor is off by default");
        assertTrue(ini.startsWith("# Managed by Juju"), ini);
    }

    @Test
    void configIsReadableByTheMonitorsGroupOnly() {
        FakeHost host = debianHost();
        ctx.run(Event.configChanged(), related(), host);
        FileSpec spec = host.file(MonitorsConfFile.PATH).orElseThrow().spec();
        assertEquals(new FileSpec("root", "masakari", 0640), spec);
        assertEquals(0, spec.mode() & 07, "holds the password: never world-readable");
    }

    @Test
    void groupIsDetectedNotAssumed() {
        FakeHost ubuntu = debianHost()
                .onCommand("getent group masakarimonitors", 0, "masakarimonitors:x:998:\n")
                .onCommand("getent group masakari", 2, "");
        ctx.run(Event.configChanged(), related(), ubuntu);
        assertEquals(
                "masakarimonitors",
                ubuntu.file(MonitorsConfFile.PATH).orElseThrow().spec().group());

        FakeHost none = debianHost().onCommand("getent group", 2, "");
        Result out = ctx.run(Event.configChanged(), related(), none);
        assertEquals(Status.blocked(ServiceGroup.NOT_FOUND), out.unitStatus());
        assertTrue(none.file(MonitorsConfFile.PATH).isEmpty(), "no config nobody may read");
    }

    @Test
    void optionsReachTheirSections() {
        FakeHost host = debianHost();
        State state = related()
                .withConfig(Map.of(
                        "region",
                        "RegionTwo",
                        "use-internal-endpoints",
                        true,
                        "debug",
                        true,
                        "monitoring-interval",
                        5,
                        "monitoring-samples",
                        3,
                        "stonith-wait",
                        45,
                        "pacemaker-node-type",
                        "remote",
                        "api-retry-max",
                        4,
                        "api-retry-interval",
                        2,
                        "config-flags",
                        "log_dir=/var/log/masakari, graceful_shutdown_timeout=10"));
        state = state.withConfig("enable-process-monitor", true).withConfig("hostname", "nova-7.cloud.example");
        ctx.run(Event.configChanged(), state, host);
        String ini = conf(host);
        assertEquals(
                List.of(
                        "debug = True",
                        "hostname = nova-7.cloud.example",
                        "log_dir = /var/log/masakari",
                        "graceful_shutdown_timeout = 10"),
                section(ini, "DEFAULT"));
        assertTrue(section(ini, "api").containsAll(List.of("region = RegionTwo", "api_interface = internal")));
        assertEquals(
                List.of(
                        "restrict_to_remotes = True",
                        "disable_ipmi_check = True",
                        "pacemaker_node_type = remote",
                        "monitoring_interval = 5",
                        "monitoring_samples = 3",
                        "stonith_wait = 45",
                        "api_retry_max = 4",
                        "api_retry_interval = 2"),
                section(ini, "host"));
        assertEquals(List.of("retry_max = 4", "retry_interval = 2"), section(ini, "callback"));
        assertEquals(
                List.of(
                        "process_list_path = /etc/masakarimonitors/process_list.yaml",
                        "api_retry_max = 4",
                        "api_retry_interval = 2"),
                section(ini, "process"));
        assertEquals(List.of("hostname = nova-7.cloud.example,nova-7"), section(ini, "hostmonitor_java"));
    }

    @Test
    void keystoneCaIsWrittenAndUsed() {
        Map<String, String> tls = new TreeMap<>(identityCredentials(PASSWORD));
        tls.put("ca_cert", Fixtures.base64(CA_PEM));
        tls.put("auth_protocol", "https");
        FakeHost host = debianHost();
        ctx.run(Event.configChanged(), related().withRelation(keystone(tls)), host);
        assertEquals(
                CA_PEM, host.file(MonitorsConfFile.KEYSTONE_CA).orElseThrow().text());
        assertTrue(section(conf(host), "api")
                .containsAll(List.of(
                        "auth_url = https://10.5.0.20:35357/v3", "cafile = /etc/masakarimonitors/keystone-ca.pem")));
    }

    @Test
    void processListDefaultsToComputeServicesAndTakesConfig() {
        FakeHost host = debianHost();
        State state = related().withConfig("enable-process-monitor", true);
        ctx.run(Event.configChanged(), state, host);
        String list = host.file(ProcessList.PATH).orElseThrow().text();
        assertTrue(list.contains("process_name: '/usr/sbin/libvirtd'"), list);
        assertTrue(list.contains("restart_command: 'systemctl restart nova-compute'"), list);
        assertTrue(list.contains("pre_start_command:\n"), "every key present, as upstream needs: " + list);

        ctx.run(
                Event.configChanged(),
                state.withConfig(
                        "process-list",
                        "- process_name: /usr/sbin/ovs-vswitchd\n  restart_command: systemctl restart openvswitch-switch\n"
                                + "  run_as_root: true\n"),
                host);
        String custom = host.file(ProcessList.PATH).orElseThrow().text();
        assertEquals(
                ProcessList.render(List.of(new ProcessList.Entry(
                        "/usr/sbin/ovs-vswitchd", "", "", "", "systemctl restart openvswitch-switch", "", "", true))),
                custom);
        assertFalse(custom.contains("libvirtd"));
    }

    @Test
    void debianInitScriptsAreToldWhichConfigToRead() {
        FakeHost host = debianHost();
        ctx.run(Event.configChanged(), related().withConfig("host-monitor", "upstream"), host);
        for (String service : List.of(UPSTREAM_HOST, INSTANCE)) {
            assertEquals(
                    "# Managed by Juju (masakari-monitors charm): read by the init script.\n"
                            + "CONFIG_FILE=/etc/masakarimonitors/masakarimonitors.conf\n",
                    host.file(Path.of("/etc/default", service)).orElseThrow().text());
        }
        assertTrue(host.file(Path.of("/etc/default", JAVA)).isEmpty());
    }

    @Test
    void underSystemdTheConfigFileIsAlsoInADropInBecauseDebian13ReadsEtcDefaultTooLate() {
        FakeHost host = debianHost();
        ctx.run(Event.configChanged(), related().withConfig("host-monitor", "upstream"), host);
        for (String service : List.of(UPSTREAM_HOST, INSTANCE)) {
            assertEquals(
                    "# Managed by Juju (masakari-monitors charm): the config file the init script passes.\n"
                            + "[Service]\nEnvironment=CONFIG_FILE=/etc/masakarimonitors/masakarimonitors.conf\n",
                    host.file(Path.of("/etc/systemd/system", service + ".service.d", "juju-config.conf"))
                            .orElseThrow()
                            .text());
        }
        assertEquals(
                1,
                host.commandLog().stream()
                        .filter(c -> c.display().equals("systemctl daemon-reload"))
                        .count());
        int reloads = host.commandLog().size();
        ctx.run(Event.configChanged(), related().withConfig("host-monitor", "upstream"), host);
        assertEquals(
                0,
                host.commandLog().subList(reloads, host.commandLog().size()).stream()
                        .filter(c -> c.display().equals("systemctl daemon-reload"))
                        .count(),
                "an unchanged drop-in needs no reload");
    }

    // --- packages and services

    @Test
    void defaultRunsTheJavaHostMonitorAndTheInstanceMonitor() {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.install(), related(), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertEquals(
                Set.of("masakari-monitors-common", "pacemaker-cli-utils", "masakari-instance-monitor"),
                host.installedPackages());
        assertEquals(Set.of(JAVA, INSTANCE), host.runningServices());
        assertEquals(Set.of(JAVA, INSTANCE), host.enabledServices());
        assertEquals("PK-jar", host.file(JavaHostMonitor.JAR).orElseThrow().text());
        assertEquals(
                0755, host.file(JavaHostMonitor.LAUNCHER).orElseThrow().spec().mode());
        assertEquals("[Unit]\n", host.file(JavaHostMonitor.UNIT).orElseThrow().text());
        assertTrue(host.file(JavaHostMonitor.DROP_IN).orElseThrow().text().contains("JAVA_HOME=" + JAVA_HOME));
        assertTrue(host.commandLog().contains(dev.instanceha.ops.resource.ResourceApplier.DAEMON_RELOAD));
        assertTrue(
                out.allLogText().contains("monitor services found (systemd): " + JAVA + " " + INSTANCE),
                out.allLogText());
    }

    @Test
    void upstreamHostMonitorIsTheDistributionsDaemon() {
        FakeHost host = debianHost();
        ctx.run(Event.install(), related().withConfig("host-monitor", "upstream"), host);
        assertEquals(Set.of("masakari-host-monitor", "masakari-instance-monitor"), host.installedPackages());
        assertEquals(Set.of(UPSTREAM_HOST, INSTANCE), host.runningServices());
        assertTrue(host.file(JavaHostMonitor.UNIT).isEmpty());
    }

    @Test
    void switchingHostMonitorsStopsTheOtherOne() {
        FakeHost host = debianHost();
        State java = ctx.run(Event.configChanged(), related(), host).state();
        State upstream = ctx.run(Event.configChanged(), java.withConfig("host-monitor", "upstream"), host)
                .state();
        assertEquals(Set.of(UPSTREAM_HOST, INSTANCE), host.runningServices());
        assertTrue(
                host.file(JavaHostMonitor.UNIT).isEmpty()
                        && host.file(JavaHostMonitor.JAR).isEmpty(),
                "java monitor removed");
        ctx.run(Event.configChanged(), upstream.withConfig("host-monitor", "java"), host);
        assertEquals(Set.of(JAVA, INSTANCE), host.runningServices());
        assertFalse(host.enabledServices().contains(UPSTREAM_HOST), "upstream daemon stays off after a reboot");
    }

    @Test
    void disabledMonitorsAreStoppedAndEnabledOnesStarted() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        host.clearLogs();
        State changed = ready.withConfig(Map.of("enable-instance-monitor", false, "enable-process-monitor", true));
        Result out = ctx.run(Event.configChanged(), changed, host);
        assertEquals(Set.of(JAVA, PROCESS), host.runningServices());
        assertTrue(
                host.serviceLog()
                        .containsAll(List.of(
                                "stop " + INSTANCE, "disable " + INSTANCE, "restart " + PROCESS, "enable " + PROCESS)),
                host.serviceLog().toString());
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
    }

    @Test
    void servicesRestartOnlyWhenTheirConfigChanged() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related().withConfig("enable-process-monitor", true), host)
                .state();

        host.clearLogs();
        ctx.run(Event.relationChanged(keystone(), "keystone/0"), ready, host);
        assertEquals(List.of(), host.serviceLog(), "same data: untouched");

        host.clearLogs();
        ctx.run(Event.configChanged(), ready.withConfig("process-list", "- process_name: /usr/sbin/sshd\n"), host);
        assertEquals(List.of(), host.serviceLog(), "the process monitor re-reads its list every cycle");

        host.clearLogs();
        RelationState rotated = keystone(identityCredentials(OTHER_PASSWORD));
        ctx.run(Event.relationChanged(rotated, "keystone/0"), ready.withRelation(rotated), host);
        assertEquals(
                List.of(
                        "restart " + JAVA,
                        "enable " + JAVA,
                        "restart " + INSTANCE,
                        "enable " + INSTANCE,
                        "restart " + PROCESS,
                        "enable " + PROCESS),
                host.serviceLog());
        assertTrue(conf(host).contains("password = " + OTHER_PASSWORD));
    }

    @Test
    void stoppedMonitorIsStartedNotRestarted() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        host.services().stop(INSTANCE);
        host.clearLogs();
        ctx.run(Event.updateStatus(), ready, host);
        assertEquals(List.of("start " + INSTANCE, "enable " + INSTANCE), host.serviceLog());
    }

    @Test
    void javaMonitorNeedsSystemdAndItsShippedFiles() {
        FakeHost sysv = debianHost().withServiceManager("sysvinit");
        Result out = ctx.run(Event.configChanged(), related(), sysv);
        assertEquals(Status.blocked(JavaHostMonitor.NEEDS_SYSTEMD), out.unitStatus());
        assertFalse(sysv.runningServices().contains(JAVA));

        FakeHost notShipped = new FakeHost().onCommand("hostname --fqdn", 0, FQDN);
        Result missing = ctx.run(Event.configChanged(), related(), notShipped);
        assertEquals(Status.blocked(JavaHostMonitor.NOT_SHIPPED), missing.unitStatus());
        assertTrue(missing.unitStatus().message().contains("host-monitor"));
    }

    @Test
    void upstreamMonitorsRunFromInitScriptsWithoutSystemd() {
        FakeHost sysv = debianHost().withServiceManager("sysvinit");
        Result out = ctx.run(Event.configChanged(), related().withConfig("host-monitor", "upstream"), sysv);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertEquals(Set.of(UPSTREAM_HOST, INSTANCE), sysv.runningServices());
    }

    @Test
    void packageWithoutServiceBlocksNamingIt() {
        FakeHost host = new FakeHost()
                .onCommand("hostname --fqdn", 0, FQDN)
                .withFile(Path.of("/lib/systemd/system/masakari-hostmonitor.service"), "[Unit]\n", FileSpec.root(0644));
        Result out = ctx.run(Event.configChanged(), related().withConfig("host-monitor", "upstream"), host);
        assertEquals(Status.blocked(MonitorService.notFound(Monitor.INSTANCE)), out.unitStatus());

        ctx.run(
                Event.configChanged(),
                related().withConfig(Map.of("host-monitor", "upstream", "enable-instance-monitor", false)),
                host);
        assertEquals(Set.of("masakari-hostmonitor"), host.runningServices(), "the other packaging's name is found");
    }

    @Test
    void unknownFqdnBlocksNamingTheOption() {
        FakeHost host = Fixtures.debianHost(1);
        Result out = ctx.run(Event.configChanged(), related(), host);
        assertEquals(
                Status.blocked("Cannot find this machine's FQDN (hostname --fqdn failed): set hostname"),
                out.unitStatus());
        assertTrue(host.file(MonitorsConfFile.PATH).isEmpty());
        Result named = ctx.run(Event.configChanged(), related().withConfig("hostname", "compute-9.maas"), host);
        assertEquals(Status.active("Unit is ready"), named.unitStatus());
    }

    @Test
    void removeStopsEveryMonitor() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        ctx.run(Event.remove(), ready, host);
        assertEquals(Set.of(), host.runningServices());
        assertTrue(host.file(JavaHostMonitor.UNIT).isEmpty());
    }

    @Test
    void stopHookEndsInMaintenanceNotReady() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        Result stop = ctx.run(Event.stop(), ready, host);
        assertEquals(0, stop.exitCode());
        assertEquals(Status.maintenance(MasakariMonitorsCharm.STOPPED_MESSAGE), stop.unitStatus());
        assertEquals(Set.of(), host.runningServices());
    }

    @Test
    void versionIsTheMonitorsPackageVersion() {
        FakeHost host = debianHost().withPackage("masakari-monitors-common", "14.0.0-1.1");
        Result out = ctx.run(Event.configChanged(), related(), host);
        assertEquals(java.util.Optional.of("14.0.0"), out.workloadVersion());
    }

    // --- config

    static Stream<Arguments> badConfig() {
        return Stream.of(
                Arguments.of(Map.of("host-monitor", "python"), "host-monitor", "must be one of java, upstream"),
                Arguments.of(Map.of("pacemaker-node-type", "member"), "pacemaker-node-type", "must be one of"),
                Arguments.of(Map.of("monitoring-interval", 0), "monitoring-interval", "at least 1"),
                Arguments.of(Map.of("monitoring-samples", 0), "monitoring-samples", "at least 1"),
                Arguments.of(Map.of("stonith-wait", -1), "stonith-wait", "at least 0"),
                Arguments.of(Map.of("api-retry-max", -1), "api-retry-max", "at least 0"),
                Arguments.of(Map.of("api-retry-interval", -5), "api-retry-interval", "at least 0"),
                Arguments.of(Map.of("region", "Region One"), "region", "must be a region name"),
                Arguments.of(Map.of("region", ""), "region", "is required"),
                Arguments.of(Map.of("hostname", "10.5.1.7"), "hostname", "must be a DNS host name"),
                Arguments.of(Map.of("config-flags", "debug=true"), "config-flags", "use the charm option debug"),
                Arguments.of(Map.of("config-flags", "no pairs here"), "config-flags", "option=value pairs"),
                Arguments.of(
                        Map.of("host-monitor", "upstream", "disable-ipmi-check", false),
                        "disable-ipmi-check",
                        "restrict-to-remotes"),
                Arguments.of(
                        Map.of("enable-host-monitor", false, "enable-instance-monitor", false),
                        "enable-host-monitor",
                        "enable at least one monitor"),
                Arguments.of(
                        Map.of("enable-process-monitor", true, "process-list", "- [unclosed"),
                        "process-list",
                        "is not valid YAML"),
                Arguments.of(
                        Map.of("enable-process-monitor", true, "process-list", "process_name: x"),
                        "process-list",
                        "must be a YAML list"),
                Arguments.of(Map.of("process-list", "- restart_command: x"), "process-list", "needs a process_name"),
                Arguments.of(
                        Map.of("process-list", "- process_name: x\n  restart: y"),
                        "process-list",
                        "unknown key 'restart'"),
                Arguments.of(
                        Map.of("process-list", "- process_name: x\n  run_as_root: maybe"),
                        "process-list",
                        "run_as_root must be true or false"));
    }

    @ParameterizedTest
    @MethodSource("badConfig")
    void badConfigBlocksNamingTheKeyAndChangesNothing(Map<String, Object> config, String key, String expected) {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), related().withConfig(config), host);
        assertTrue(out.blockedOnConfig(key, expected), out.exitCode() + " " + out.statusHistory());
        assertTrue(host.file(MonitorsConfFile.PATH).isEmpty());
        assertTrue(host.serviceLog().isEmpty(), host.serviceLog().toString());
        assertTrue(host.installedPackages().isEmpty(), "nothing installed from bad config");
    }

    // --- idempotency and secrets

    static Stream<Event> everyHook() {
        return Stream.of(
                Event.install(),
                Event.configChanged(),
                Event.start(),
                Event.updateStatus(),
                Event.upgradeCharm(),
                Event.leaderElected(),
                Event.relationCreated(keystone()),
                Event.relationJoined(keystone(), "keystone/0"),
                Event.relationChanged(keystone(), "keystone/0"),
                Event.relationChanged(principal(), "nova-compute/0"));
    }

    @ParameterizedTest
    @MethodSource("everyHook")
    void secondRunOfEveryHookWritesAndRestartsNothing(Event event) {
        FakeHost host = debianHost();
        State ready = related().withConfig("enable-process-monitor", true);
        Result first =
                ctx.run(event, ctx.run(Event.configChanged(), ready, host).state(), host);
        Map<Path, FakeHost.FakeFile> files = host.writtenFiles();
        host.clearLogs();
        Result second = ctx.run(event, first.state(), host);
        assertEquals(first.state(), second.state());
        assertEquals(List.of(), second.relationWrites());
        assertEquals(files, host.writtenFiles(), "no file rewritten"); // FakeFile compares by identity
        assertEquals(List.of(), host.serviceLog());
        assertTrue(
                host.commandLog().stream()
                        .allMatch(c -> c.equals(MachineHostname.FQDN)
                                || c.argv().get(0).equals("getent")),
                "only read-only lookups: " + host.commandLog());
        assertEquals(Status.active("Unit is ready"), second.unitStatus());
    }

    @Test
    void thePasswordNeverReachesLogsStatusesOrOtherFiles() {
        FakeHost host = debianHost();
        Result first = ctx.run(Event.relationChanged(keystone(), "keystone/0"), related(), host);
        // A failing service start puts a command's error text into the status.
        FakeHost failing = debianHost().onCommand("systemctl", 1, "");
        Result second = ctx.run(Event.configChanged(), related().withConfig("debug", true), failing);
        RelationState rotated = keystone(identityCredentials(OTHER_PASSWORD));
        Result third = ctx.run(
                Event.relationChanged(rotated, "keystone/0"), first.state().withRelation(rotated), host);
        for (Result out : List.of(first, second, third)) {
            String said = out.allLogText() + "\n" + out.statusHistory();
            assertFalse(said.contains(PASSWORD) || said.contains(OTHER_PASSWORD), said);
            assertFalse(out.localUnitData("identity-credentials").toString().contains(PASSWORD), "never echoed back");
        }
        assertTrue(third.allLogText().contains("masakarimonitors.conf changed"), third.allLogText());
        host.writtenFiles().forEach((path, file) -> {
            if (file.text().contains(OTHER_PASSWORD)) {
                assertEquals(MonitorsConfFile.PATH, path, "the password is in the config only");
                assertEquals(0, file.spec().mode() & 07, path + " holds the password and is world-readable");
            }
        });
    }
}
