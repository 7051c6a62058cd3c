package dev.instanceha.remote;

import static dev.instanceha.remote.Fixtures.ADDRESS;
import static dev.instanceha.remote.Fixtures.FQDN;
import static dev.instanceha.remote.Fixtures.KEY;
import static dev.instanceha.remote.Fixtures.KEY_TEXT;
import static dev.instanceha.remote.Fixtures.OTHER_KEY;
import static dev.instanceha.remote.Fixtures.OTHER_KEY_TEXT;
import static dev.instanceha.remote.Fixtures.debianHost;
import static dev.instanceha.remote.Fixtures.hacluster;
import static dev.instanceha.remote.Fixtures.principal;
import static dev.instanceha.remote.Fixtures.related;
import static dev.instanceha.remote.Fixtures.ubuntuHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.interfaces.pacemaker.PacemakerRemoteRequirer;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.interfaces.pacemaker.RemoteNodes;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.RelationSnapshot;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacemakerRemoteCharmTest {
    static final Path CHARM = Path.of("src/main/charm");
    static final String SERVICE = "pacemaker_remote";
    final CharmTestContext ctx = new CharmTestContext(PacemakerRemoteCharm::new, CHARM);

    static String shown(Result out) {
        return out.unitStatus().level().jujuName() + ": " + out.unitStatus().message();
    }

    // --- relations

    static Stream<Arguments> relationCombinations() {
        RelationState emptyPrincipal =
                RelationState.of("juju-info", 1, "nova-compute").withRemoteUnit("nova-compute/0", Map.of());
        RelationState noUnits = RelationState.of("pacemaker-remote", 7, "hacluster");
        return Stream.of(
                Arguments.of(List.of(), "blocked: 'juju-info', 'pacemaker-remote' missing", false),
                Arguments.of(List.of(principal()), "blocked: 'pacemaker-remote' missing", false),
                Arguments.of(List.of(hacluster(KEY)), "blocked: 'juju-info' missing", true),
                Arguments.of(List.of(emptyPrincipal), "blocked: 'pacemaker-remote' missing", false),
                Arguments.of(
                        List.of(emptyPrincipal, hacluster(KEY)),
                        "waiting: 'juju-info' incomplete: nova-compute/0: missing 'private-address'",
                        true),
                Arguments.of(
                        List.of(principal(), noUnits),
                        "waiting: 'pacemaker-remote' incomplete: no remote unit has joined",
                        false),
                Arguments.of(
                        List.of(principal(), hacluster((String) null)),
                        "waiting: 'pacemaker-remote' incomplete: hacluster/0: missing 'pacemaker-key'",
                        false),
                Arguments.of(
                        List.of(principal(), hacluster(KEY, OTHER_KEY)),
                        "waiting: 'pacemaker-remote' incomplete: inconsistent 'pacemaker-key' between hacluster/0 "
                                + "and hacluster/1",
                        false),
                Arguments.of(
                        List.of(principal(), hacluster("not base64!")),
                        "blocked: 'pacemaker-remote' data unusable: hacluster/0: 'pacemaker-key' is not valid base64",
                        false),
                Arguments.of(
                        List.of(emptyPrincipal, noUnits),
                        "waiting: 'juju-info' incomplete: nova-compute/0: missing 'private-address'",
                        false),
                Arguments.of(List.of(principal(), hacluster(KEY, null)), "active: Unit is ready", true),
                Arguments.of(List.of(principal(), hacluster(KEY, KEY, KEY)), "active: Unit is ready", true));
    }

    @Test
    void garbageInPlaceOfTheKeyKeepsTheRunningKeyAndDaemon() {
        FakeHost host = debianHost();
        State good = State.of("pacemaker-remote/0")
                .withAddress(ADDRESS)
                .withRelation(principal())
                .withRelation(hacluster(KEY));
        Result settled = ctx.run(Event.configChanged(), good, host);
        assertEquals("active: Unit is ready", shown(settled));
        byte[] key = host.file(AuthKeyFile.PATH).orElseThrow().content();
        host.clearLogs();
        State hostile = settled.state().withRelation(hacluster("{\"key\": 1}"));
        for (int run = 0; run < 2; run++) {
            Result out = ctx.run(Event.configChanged(), hostile, host);
            assertEquals(0, out.exitCode(), out.allLogText());
            assertEquals(
                    "blocked: 'pacemaker-remote' data unusable: hacluster/0: 'pacemaker-key' is not valid base64",
                    shown(out));
            assertTrue(
                    java.util.Arrays.equals(
                            key, host.file(AuthKeyFile.PATH).orElseThrow().content()),
                    "key kept");
            assertEquals(List.of(), host.serviceLog(), "no restart, no stop");
            assertTrue(host.runningServices().contains(SERVICE));
        }
    }

    @ParameterizedTest
    @MethodSource("relationCombinations")
    void statusForEveryRelationCombination(List<RelationState> relations, String expected, boolean keyed) {
        State state = State.of("pacemaker-remote/0").withAddress(ADDRESS);
        for (RelationState relation : relations) {
            state = state.withRelation(relation);
        }
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(expected, shown(out));
        assertEquals(keyed, host.file(AuthKeyFile.PATH).isPresent(), "authkey only from an agreed key");
        assertEquals(keyed, host.runningServices().contains(SERVICE), "daemon runs only with the cluster's key");
    }

    @Test
    void announcementParsesOnTheHaclusterSideExactly() {
        Result out = ctx.run(Event.relationJoined(hacluster(KEY), "hacluster/0"), related(), debianHost());
        Map<String, String> sent = out.localUnitData("pacemaker-remote");
        assertEquals(
                Map.of(
                        "remote-hostname",
                        "\"compute-1.maas\"",
                        "remote-ip",
                        "\"10.5.1.7\"",
                        "stonith-hostname",
                        "null",
                        "enable-resources",
                        "true"),
                sent);
        assertEquals(new RemoteNode(FQDN, ADDRESS, Optional.empty(), true), asHaclusterReads(sent));
    }

    @Test
    void stonithAndOverridesReachTheCluster() {
        State state = related()
                .withConfig(Map.of(
                        "enable-stonith",
                        true,
                        "enable-resources",
                        false,
                        "remote-hostname",
                        "nova-host-1.cloud.example"));
        Result out = ctx.run(Event.configChanged(), state, debianHost());
        // MAAS knows the machine by its own FQDN, not by the cluster alias.
        assertEquals(
                new RemoteNode("nova-host-1.cloud.example", ADDRESS, Optional.of(FQDN), false),
                asHaclusterReads(out.localUnitData("pacemaker-remote")));

        Result named = ctx.run(Event.configChanged(), state.withConfig("stonith-hostname", "node-17"), debianHost());
        assertEquals(
                Optional.of("node-17"),
                asHaclusterReads(named.localUnitData("pacemaker-remote")).stonithHostname());
        assertEquals(Status.active("Unit is ready"), named.unitStatus());
    }

    /** What charm-hacluster (our PacemakerRemoteRequirer) makes of this unit's databag. */
    private static RemoteNode asHaclusterReads(Map<String, String> published) {
        Map<String, String> remoteBag = new TreeMap<>(Fixtures.addresses(ADDRESS));
        remoteBag.putAll(published);
        RemoteNodes nodes = new PacemakerRemoteRequirer(dev.instanceha.ops.testing.FixedEndpoint.of(
                        PacemakerRemoteRequirer.ENDPOINT,
                        RelationSnapshot.ofRemote(
                                "pacemaker-remote",
                                3,
                                "pacemaker-remote",
                                Map.of(),
                                Map.of("pacemaker-remote/0", remoteBag))))
                .read();
        assertEquals(Map.of(), nodes.incomplete());
        return nodes.ready().get("pacemaker-remote/0");
    }

    @Test
    void remoteIpIsTheBindingAddressNotTheHostname() {
        Result out = ctx.run(Event.configChanged(), related().withAddress("fd00::21"), debianHost());
        assertEquals("\"fd00::21\"", out.localUnitData("pacemaker-remote").get("remote-ip"));
    }

    @Test
    void badValuesAreNotEchoedInTheStatus() {
        for (String value : List.of("compute-1\n[x]", "c".repeat(5_000))) {
            Result out = ctx.run(Event.configChanged(), related().withConfig("remote-hostname", value), debianHost());
            assertEquals(
                    "config 'remote-hostname' must be a DNS host name such as compute-1.maas",
                    out.unitStatus().message());
        }
    }

    @Test
    void anFqdnPacemakerCannotUseBlocksNamingTheOptionThatFixesIt() {
        FakeHost digitName = new FakeHost()
                .withServiceManager("sysvinit")
                .withFile(Fixtures.INIT_SCRIPT, "#!/bin/sh\n", FileSpec.root(0755))
                .onCommand("hostname --fqdn", 0, "1compute.maas\n");
        Result out = ctx.run(Event.configChanged(), related(), digitName);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                Status.blocked("This machine's FQDN '1compute.maas' is not a valid pacemaker id: it must start "
                        + "with a letter or '_': set remote-hostname"),
                out.unitStatus());
        assertEquals(Map.of(), out.localUnitData("pacemaker-remote"), "nothing announced");
        Result overridden =
                ctx.run(Event.configChanged(), related().withConfig("remote-hostname", "compute-1.maas"), digitName);
        assertEquals(Status.active("Unit is ready"), overridden.unitStatus());
        assertEquals(
                "\"compute-1.maas\"",
                overridden.localUnitData("pacemaker-remote").get("remote-hostname"));
    }

    @Test
    void unknownFqdnBlocksNamingTheOptionThatFixesIt() {
        FakeHost noName = new FakeHost()
                .withServiceManager("sysvinit")
                .withFile(Fixtures.INIT_SCRIPT, "#!/bin/sh\n", FileSpec.root(0755))
                .onCommand("hostname", 1, "");
        Result out = ctx.run(Event.configChanged(), related(), noName);
        assertEquals(
                Status.blocked("Cannot find this machine's FQDN (hostname --fqdn failed): set remote-hostname"),
                out.unitStatus());
        assertEquals(Map.of(), out.localUnitData("pacemaker-remote"), "no half announcement");

        Result overridden =
                ctx.run(Event.configChanged(), related().withConfig("remote-hostname", "compute-9"), noName);
        assertEquals(Status.active("Unit is ready"), overridden.unitStatus());
        Result fencing = ctx.run(
                Event.configChanged(),
                related().withConfig(Map.of("remote-hostname", "compute-9", "enable-stonith", true)),
                noName);
        assertEquals(
                Status.blocked("Cannot find this machine's FQDN (hostname --fqdn failed): set stonith-hostname"),
                fencing.unitStatus());
    }

    // --- config

    static Stream<Arguments> badConfig() {
        return Stream.of(
                Arguments.of(Map.of("remote-hostname", "compute 1"), "remote-hostname", "must be a DNS host name"),
                Arguments.of(Map.of("remote-hostname", "10.5.1.7"), "remote-hostname", "not '10.5.1.7'"),
                Arguments.of(Map.of("remote-hostname", "c\u00f6mpute.maas"), "remote-hostname", "DNS host name"),
                Arguments.of(
                        Map.of("enable-stonith", true, "stonith-hostname", "node!"),
                        "stonith-hostname",
                        "must be a DNS host name"),
                Arguments.of(
                        Map.of("stonith-hostname", "compute-1"),
                        "stonith-hostname",
                        "is set but enable-stonith is false"),
                Arguments.of(
                        Map.of("remote-hostname", "1compute.maas"),
                        "remote-hostname",
                        "'1compute.maas' is not a valid pacemaker id: it must start with a letter or '_'"),
                Arguments.of(
                        Map.of("remote-hostname", "10.0.0.300"),
                        "remote-hostname",
                        "must be a DNS host name such as compute-1.maas, not '10.0.0.300'"),
                Arguments.of(
                        Map.of("enable-stonith", true, "stonith-hostname", "10.0.0.300"),
                        "stonith-hostname",
                        "must be a DNS host name"),
                Arguments.of(Map.of("remote-hostname", "compute-1\n[x]"), "remote-hostname", "must be a DNS host name"),
                Arguments.of(
                        Map.of("remote-hostname", "c".repeat(5_000)), "remote-hostname", "must be a DNS host name"));
    }

    @ParameterizedTest
    @MethodSource("badConfig")
    void badConfigBlocksNamingTheKeyAndChangesNothing(Map<String, Object> config, String key, String expected) {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), related().withConfig(config), host);
        assertTrue(out.blockedOnConfig(key, expected), out.exitCode() + " " + out.statusHistory());
        assertEquals(Map.of(), out.localUnitData("pacemaker-remote"), "nothing announced from bad config");
        assertTrue(host.file(AuthKeyFile.PATH).isEmpty());
        assertTrue(host.serviceLog().isEmpty(), host.serviceLog().toString());
    }

    // --- authkey and service

    @Test
    void keyIsWrittenDecodedForHaclusterOnlyAndTheDaemonStarted() {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.relationChanged(hacluster(KEY, KEY, KEY), "hacluster/0"), related(), host);
        FakeHost.FakeFile key = host.file(Path.of("/etc/pacemaker/authkey")).orElseThrow();
        assertEquals(KEY_TEXT, new String(key.content(), StandardCharsets.US_ASCII));
        assertEquals(new FileSpec("hacluster", "haclient", 0440), key.spec());
        assertEquals(0, key.spec().mode() & 07, "never readable by others");
        assertEquals(List.of("restart pacemaker_remote", "enable pacemaker_remote"), host.serviceLog());
        assertEquals(List.of("3121/tcp"), out.state().openedPorts());
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
    }

    @Test
    void daemonRestartsOnlyWhenTheKeyChanges() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();

        host.clearLogs();
        ctx.run(Event.relationChanged(hacluster(KEY, KEY, KEY), "hacluster/1"), ready, host);
        assertEquals(List.of(), host.serviceLog(), "same key: untouched");

        host.clearLogs();
        State rotated = ready.withRelation(hacluster(OTHER_KEY, OTHER_KEY, OTHER_KEY));
        Result out = ctx.run(
                Event.relationChanged(hacluster(OTHER_KEY, OTHER_KEY, OTHER_KEY), "hacluster/2"), rotated, host);
        assertEquals(List.of("restart pacemaker_remote", "enable pacemaker_remote"), host.serviceLog());
        assertEquals(OTHER_KEY_TEXT, host.file(AuthKeyFile.PATH).orElseThrow().text());
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
    }

    @Test
    void stoppedDaemonIsStartedNotRestarted() {
        FakeHost host = debianHost().withFile(AuthKeyFile.PATH, KEY_TEXT, AuthKeyFile.SPEC);
        ctx.run(Event.updateStatus(), related(), host);
        assertEquals(List.of("start pacemaker_remote", "enable pacemaker_remote"), host.serviceLog());
        assertTrue(host.runningServices().contains(SERVICE));
    }

    @Test
    void upstreamsWorldReadableKeyIsTightenedWithoutARestart() {
        // An in-place swap from the upstream charm: same key, but 0444.
        FakeHost host = debianHost()
                .withFile(AuthKeyFile.PATH, KEY_TEXT, new FileSpec("hacluster", "haclient", 0444))
                .withRunningService(SERVICE);
        ctx.run(Event.upgradeCharm(), related(), host);
        assertEquals(AuthKeyFile.SPEC, host.file(AuthKeyFile.PATH).orElseThrow().spec());
        assertEquals(List.of(), host.serviceLog());
    }

    @Test
    void keyRotationInProgressKeepsTheNodeInTheCluster() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        host.clearLogs();
        RelationState half = hacluster(OTHER_KEY, KEY, KEY);
        Result out = ctx.run(Event.relationChanged(half, "hacluster/0"), ready.withRelation(half), host);
        assertEquals("waiting", out.unitStatus().level().jujuName());
        assertEquals(KEY_TEXT, host.file(AuthKeyFile.PATH).orElseThrow().text(), "old key kept until they agree");
        assertEquals(List.of(), host.serviceLog());
        assertTrue(host.runningServices().contains(SERVICE));
    }

    @Test
    void relationBrokenStopsTheDaemonAndDropsTheKey() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        host.clearLogs();
        Result out = ctx.run(Event.relationBroken(ready.relation("pacemaker-remote")), ready, host);
        assertEquals(Status.blocked("'pacemaker-remote' missing"), out.unitStatus());
        assertEquals(List.of("stop pacemaker_remote", "disable pacemaker_remote"), host.serviceLog());
        assertTrue(host.file(AuthKeyFile.PATH).isEmpty(), "the old cluster's key is gone");
        assertEquals(List.of(), out.state().openedPorts());
    }

    @Test
    void beforeAnyClusterThePackagesDaemonIsStopped() {
        // Debian's postinst starts pacemaker_remote with a random key of its own.
        FakeHost host = debianHost()
                .withRunningService(SERVICE)
                .withFile(AuthKeyFile.PATH, "random", new FileSpec("root", "haclient", 0640));
        Result out = ctx.run(Event.install(), State.of("pacemaker-remote/0").withRelation(principal()), host);
        assertEquals(Status.blocked("'pacemaker-remote' missing"), out.unitStatus());
        assertFalse(host.runningServices().contains(SERVICE));
        assertTrue(host.file(AuthKeyFile.PATH).isEmpty());
    }

    @Test
    void removeStopsTheDaemonAndDeletesTheKey() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        ctx.run(Event.stop(), ready, host);
        assertFalse(host.runningServices().contains(SERVICE));
        assertTrue(host.file(AuthKeyFile.PATH).isEmpty());
    }

    // --- packages and service detection

    @Test
    void installsTheDaemonAndAgentsButNoCorosync() {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.install(), related(), host);
        assertEquals(java.util.Set.of("pacemaker-remote", "resource-agents"), host.installedPackages());
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertEquals(Optional.of("1.0"), out.workloadVersion(), "fake package version 1.0-fake");
    }

    @Test
    void installedPacemakerIsAClearConflict() {
        FakeHost host = debianHost().withPackage("pacemaker", "2.1.5-1+deb12u1");
        Result out = ctx.run(Event.install(), related(), host);
        assertEquals(Status.blocked(RemotePackages.CONFLICT_MESSAGE), out.unitStatus());
        assertTrue(out.unitStatus().message().contains("conflicts"));
        assertFalse(host.installedPackages().contains("pacemaker-remote"), "apt not asked to replace pacemaker");
        assertEquals(
                Map.of(), out.localUnitData("pacemaker-remote"), "a node that cannot run the daemon is not announced");
        assertTrue(host.file(AuthKeyFile.PATH).isEmpty());
    }

    @Test
    void systemdUnitIsUsedUnderSystemd() {
        FakeHost host = ubuntuHost();
        Result out = ctx.run(Event.configChanged(), related(), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertTrue(host.runningServices().contains(SERVICE));
    }

    @Test
    void serviceNameComesFromWhatThePackageShipped() {
        FakeHost dashed = new FakeHost()
                .withServiceManager("systemd")
                .onCommand("hostname --fqdn", 0, FQDN)
                .withFile(Path.of("/usr/lib/systemd/system/pacemaker-remote.service"), "[Unit]\n", FileSpec.root(0644));
        ctx.run(Event.configChanged(), related(), dashed);
        assertEquals(java.util.Set.of("pacemaker-remote"), dashed.runningServices());

        // An init script is no use when systemd runs the machine, and vice versa.
        FakeHost mismatch = new FakeHost()
                .withServiceManager("systemd")
                .onCommand("hostname --fqdn", 0, FQDN)
                .withFile(Fixtures.INIT_SCRIPT, "#!/bin/sh\n", FileSpec.root(0755));
        Result out = ctx.run(Event.configChanged(), related(), mismatch);
        assertEquals(Status.blocked(RemoteService.NOT_FOUND), out.unitStatus());
        assertTrue(mismatch.serviceLog().isEmpty());
    }

    @Test
    void upgradeCharmChecksPackagesAgain() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(), host).state();
        host.packages().remove(List.of("resource-agents"));
        ctx.run(Event.upgradeCharm(), ready, host);
        assertTrue(host.installedPackages().contains("resource-agents"));
    }

    // --- idempotency and secrets

    static Stream<Event> everyHook() {
        RelationState cluster = hacluster(KEY, KEY, KEY);
        return Stream.of(
                Event.install(),
                Event.configChanged(),
                Event.start(),
                Event.updateStatus(),
                Event.upgradeCharm(),
                Event.leaderElected(),
                Event.relationCreated(cluster),
                Event.relationJoined(cluster, "hacluster/2"),
                Event.relationChanged(cluster, "hacluster/0"),
                Event.relationChanged(principal(), "nova-compute/0"),
                Event.relationDeparted(cluster, "hacluster/2"));
    }

    @ParameterizedTest
    @MethodSource("everyHook")
    void secondRunOfEveryHookWritesAndRestartsNothing(Event event) {
        FakeHost host = ubuntuHost();
        Result first =
                ctx.run(event, ctx.run(Event.configChanged(), related(), host).state(), host);
        Map<Path, FakeHost.FakeFile> files = host.writtenFiles();
        host.clearLogs();
        Result second = ctx.run(event, first.state(), host);
        assertEquals(first.state(), second.state());
        assertEquals(List.of(), second.relationWrites());
        assertEquals(files, host.writtenFiles(), "no file rewritten"); // FakeFile compares by identity
        assertEquals(List.of(), host.serviceLog());
        assertTrue(
                host.commandLog().stream().allMatch(c -> c.equals(MachineHostname.FQDN)),
                "only the read-only hostname lookup: " + host.commandLog());
        assertEquals(Status.active("Unit is ready"), second.unitStatus());
    }

    @Test
    void theKeyNeverReachesLogsOrStatuses() {
        FakeHost host = debianHost();
        Result first = ctx.run(Event.relationChanged(hacluster(KEY, KEY, KEY), "hacluster/0"), related(), host);
        RelationState disagreeing = hacluster(KEY, OTHER_KEY);
        Result second = ctx.run(
                Event.relationChanged(disagreeing, "hacluster/1"), first.state().withRelation(disagreeing), host);
        for (Result out : List.of(first, second)) {
            String said = out.allLogText() + "\n" + out.statusHistory();
            for (String secret : List.of(KEY, KEY_TEXT, OTHER_KEY, OTHER_KEY_TEXT)) {
                assertFalse(said.contains(secret), said);
            }
            assertFalse(out.localUnitData("pacemaker-remote").toString().contains(KEY), "never echoed back");
        }
        assertTrue(first.allLogText().contains("pacemaker authkey changed"), first.allLogText());
        host.writtenFiles().forEach((path, file) -> {
            if (file.text().contains(KEY_TEXT)) {
                assertEquals(0, file.spec().mode() & 07, path + " holds the key and is world-readable");
            }
        });
    }
}
