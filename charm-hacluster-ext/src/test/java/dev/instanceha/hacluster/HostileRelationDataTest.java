package dev.instanceha.hacluster;

import static dev.instanceha.hacluster.Fixtures.COROSYNC_KEY;
import static dev.instanceha.hacluster.Fixtures.MAAS_KEY;
import static dev.instanceha.hacluster.Fixtures.MAAS_URL;
import static dev.instanceha.hacluster.Fixtures.PACEMAKER_KEY;
import static dev.instanceha.hacluster.Fixtures.compute;
import static dev.instanceha.hacluster.Fixtures.hostWithFenceAgent;
import static dev.instanceha.hacluster.Fixtures.leader;
import static dev.instanceha.hacluster.Fixtures.remotes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad or hostile relation data may make the charm wait or block; it must never remove protection,
 * change a running cluster or aim fencing at another machine. Each case starts from a settled
 * cluster (three members, two fenced compute nodes that refuse resources, MAAS fencing) and checks
 * that the hostile hook leaves the CIB, corosync.conf and the daemons alone, and says why.
 */
class HostileRelationDataTest {
    final CharmTestContext ctx =
            new CharmTestContext(() -> new HaclusterCharm(1, Duration.ZERO), HaclusterCharmTest.CHARM);

    /** A settled leader and the CIB it wrote. */
    record Settled(State state, FakeCib cib, FakeHost host, String cibXml, Map<Path, FakeHost.FakeFile> files) {
        RelationState remotes() {
            return state.relation("pacemaker-remote");
        }
    }

    Settled settle() {
        FakeCib cib = new FakeCib();
        FakeHost host = hostWithFenceAgent(cib);
        State state = leader().withConfig(Map.of(
                        "corosync_key",
                        COROSYNC_KEY,
                        "pacemaker_key",
                        PACEMAKER_KEY,
                        "maas_url",
                        MAAS_URL,
                        "maas_credentials",
                        MAAS_KEY))
                .withRelation(remotes(compute(1, true, false), compute(2, true, false)));
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals("active: Unit is ready and clustered", HaclusterCharmTest.shown(out), out.allLogText());
        Settled s = new Settled(out.state(), cib, host, cib.configuration().toXml(), host.writtenFiles());
        cib.clearChanges();
        host.clearLogs();
        return s;
    }

    /** Runs {@code event} on {@code state} and checks that nothing about the cluster changed. */
    Result runAndAssertNothingChanged(Settled s, State state, String expectedStatus) {
        return runAndAssertNothingChanged(s, state, expectedStatus, false);
    }

    Result runAndAssertNothingChanged(Settled s, State state, String expectedStatus, boolean recordsRewritten) {
        Result out = ctx.run(
                Event.relationChanged(state.relation("pacemaker-remote"), "pacemaker-remote/1"), state, s.host());
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(expectedStatus, HaclusterCharmTest.shown(out));
        assertEquals(List.of(), s.cib().changes(), "the CIB was changed");
        assertEquals(s.cibXml(), s.cib().configuration().toXml());
        assertEquals(List.of(), s.host().serviceLog(), "services were touched");
        assertEquals(s.files(), s.host().writtenFiles(), "files were changed");
        // Only the leader's records may be (re)written, and only where the test removed them.
        assertEquals(
                List.of(),
                out.relationWrites().stream()
                        .filter(w ->
                                !(recordsRewritten && w.toString().equals("hanode:1 app [" + RemoteRecords.KEY + "]")))
                        .toList(),
                "relation data was changed");
        // The second run of the same hook changes nothing either, and says the same.
        Result again = ctx.run(
                Event.relationChanged(state.relation("pacemaker-remote"), "pacemaker-remote/1"), out.state(), s.host());
        assertEquals(expectedStatus, HaclusterCharmTest.shown(again));
        assertEquals(List.of(), s.cib().changes());
        assertEquals(List.of(), again.relationWrites());
        assertEquals(s.files(), s.host().writtenFiles());
        return out;
    }

    static Map<String, String> unit(RemoteNode node, String... overrides) {
        Map<String, String> data = new HashMap<>(RelationState.addressKeys(node.ip()));
        data.putAll(node.unitData());
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                data.remove(overrides[i]);
            } else {
                data.put(overrides[i], overrides[i + 1]);
            }
        }
        return data;
    }

    static String stonithHosts(FakeCib cib) {
        return cib.configuration().child("resources").orElseThrow().children().stream()
                .filter(r -> r.id().equals("st-maas"))
                .findFirst()
                .orElseThrow()
                .toXml();
    }

    // --- 1. an incomplete or malformed announcement keeps the node's registration

    static Stream<Arguments> unusableAnnouncements() {
        return Stream.of(
                Arguments.of(
                        new String[] {"remote-hostname", "compute-2.maas"},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'remote-hostname' is not valid JSON "
                                + "(keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"remote-ip", "\"10.5.1.300\""},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'remote-ip' '10.5.1.300' is not an "
                                + "IP address (keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"remote-ip", "10.5.1.2"},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'remote-ip' is not valid JSON "
                                + "(keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"enable-resources", "\"yes\""},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'enable-resources' is not a JSON "
                                + "boolean (keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"stonith-hostname", "{}"},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'stonith-hostname' is not a JSON "
                                + "string (keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"remote-hostname", "\"1compute-2.maas\""},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'remote-hostname' '1compute-2.maas' "
                                + "is not a valid pacemaker id: it must start with a letter or '_' (keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"remote-hostname", "\"10.0.0.300\""},
                        "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: 'remote-hostname' '10.0.0.300' "
                                + "is not a DNS host name (keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"remote-ip", null},
                        "waiting: 'pacemaker-remote' incomplete: pacemaker-remote/1: missing 'remote-ip' "
                                + "(keeping compute-2.maas registered)"),
                Arguments.of(
                        new String[] {"remote-hostname", "null"},
                        "waiting: 'pacemaker-remote' incomplete: pacemaker-remote/1: missing 'remote-hostname' "
                                + "(keeping compute-2.maas registered)"));
    }

    @ParameterizedTest
    @MethodSource("unusableAnnouncements")
    void anUnusableAnnouncementKeepsTheNodesLastRegistration(String[] override, String expected) {
        Settled s = settle();
        State hostile = s.state()
                .withRelation(
                        s.remotes().withRemoteUnit("pacemaker-remote/1", unit(compute(2, true, false), override)));
        Result out = runAndAssertNothingChanged(s, hostile, expected);
        assertTrue(stonithHosts(s.cib()).contains("compute-1.maas compute-2.maas"), "still fenced");
        // ...and the registration outlives further hooks.
        ctx.run(Event.updateStatus(), out.state(), s.host());
        assertEquals(List.of(), s.cib().changes());
    }

    @Test
    void theNodeLeavesOnlyWhenItsUnitDeparts() {
        Settled s = settle();
        State hostile = s.state()
                .withRelation(s.remotes()
                        .withRemoteUnit(
                                "pacemaker-remote/1", unit(compute(2, true, false), "remote-hostname", "garbage")));
        Result held = ctx.run(
                Event.relationChanged(hostile.relation("pacemaker-remote"), "pacemaker-remote/1"), hostile, s.host());
        assertEquals(List.of(), s.cib().changes());
        // Juju still lists the departing unit in its -departed hook; the model leaves it out.
        State departing = held.state();
        Result out = ctx.run(
                Event.relationDeparted(departing.relation("pacemaker-remote"), "pacemaker-remote/1"),
                departing,
                s.host());
        assertEquals("active: Unit is ready and clustered", HaclusterCharmTest.shown(out));
        assertFalse(s.cib().configuration().toXml().contains("compute-2.maas"));
        assertTrue(
                s.cib().changes().contains("crm_node --force --remove compute-2.maas"),
                s.cib().changes().toString());
    }

    @Test
    void withoutARecordAnUnreadableUnitStillRemovesNothing() {
        // As after an upgrade from a version that kept no records: the CIB is all there is.
        Settled s = settle();
        RelationState peers = s.state().relation("hanode");
        Map<String, String> app = new HashMap<>(peers.localAppData());
        app.remove(RemoteRecords.KEY);
        State hostile = s.state()
                .withRelation(peers.withLocalAppData(app))
                .withRelation(s.remotes()
                        .withRemoteUnit(
                                "pacemaker-remote/1",
                                unit(compute(2, true, false), "remote-hostname", "compute-2.maas")));
        runAndAssertNothingChanged(
                s,
                hostile,
                "blocked: 'pacemaker-remote' data unusable: pacemaker-remote/1: "
                        + "'remote-hostname' is not valid JSON",
                true);
        assertTrue(stonithHosts(s.cib()).contains("compute-1.maas compute-2.maas"), "still fenced");
    }

    // --- 2. names that collide are refused and change nothing

    static Stream<Arguments> collidingNames() {
        return Stream.of(
                Arguments.of("juju-m-1", "is a cluster member's name"),
                Arguments.of("JUJU-M-0", "is a cluster member's name"),
                Arguments.of("compute-1.maas", "is already registered by pacemaker-remote/0"),
                Arguments.of("grp_masakari_vips", "collides with the CIB id of group grp_masakari_vips"),
                Arguments.of("res_masakari_haproxy", "collides with the CIB id of clone cl_res_masakari_haproxy"),
                Arguments.of("st-maas", "collides with the CIB id of primitive st-maas"),
                Arguments.of("cib-bootstrap-options", "collides with the CIB id of crm_config"),
                Arguments.of("rsc-options", "collides with the CIB id of meta_attributes rsc-options"));
    }

    @ParameterizedTest
    @MethodSource("collidingNames")
    void aNewRemoteClaimingATakenNameIsRefusedAndChangesNothing(String name, String collision) {
        Settled s = settle();
        RemoteNode claim = new RemoteNode(name, "10.5.1.66", Optional.of(name), false);
        State hostile = s.state().withRelation(s.remotes().withRemoteUnit("pacemaker-remote/2", unit(claim)));
        Result out = ctx.run(
                Event.relationChanged(hostile.relation("pacemaker-remote"), "pacemaker-remote/2"), hostile, s.host());
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                "blocked: 'pacemaker-remote' refused: pacemaker-remote/2: 'remote-hostname' '" + name + "' "
                        + collision,
                HaclusterCharmTest.shown(out));
        assertEquals(List.of(), s.cib().changes(), "the CIB was changed");
        assertEquals(s.cibXml(), s.cib().configuration().toXml());
        assertFalse(s.cib().configuration().toXml().contains("10.5.1.66"), "never connected to the claimant");
    }

    static Stream<Arguments> fencingNamesOfOtherMachines() {
        return Stream.of(
                Arguments.of(
                        "compute-9.maas",
                        "compute-1.maas",
                        "'stonith-hostname' 'compute-1.maas' is already pacemaker-remote/0's"),
                Arguments.of(
                        "compute-9.maas",
                        "COMPUTE-2.maas",
                        "'stonith-hostname' 'COMPUTE-2.maas' is already pacemaker-remote/1's"),
                Arguments.of("compute-9.maas", "juju-m-2", "'stonith-hostname' 'juju-m-2' is a cluster member's name"));
    }

    /** Fencing a node powers off the machine its stonith-hostname names: that must be its own. */
    @ParameterizedTest
    @MethodSource("fencingNamesOfOtherMachines")
    void aRemoteWhoseFencingNameIsAnotherMachinesIsRefused(String name, String machine, String collision) {
        Settled s = settle();
        RemoteNode claim = new RemoteNode(name, "10.5.1.66", Optional.of(machine), false);
        State hostile = s.state().withRelation(s.remotes().withRemoteUnit("pacemaker-remote/2", unit(claim)));
        Result out = ctx.run(
                Event.relationChanged(hostile.relation("pacemaker-remote"), "pacemaker-remote/2"), hostile, s.host());
        assertEquals(
                "blocked: 'pacemaker-remote' refused: pacemaker-remote/2: " + collision, HaclusterCharmTest.shown(out));
        assertEquals(List.of(), s.cib().changes());
        assertFalse(stonithHosts(s.cib()).contains(name + ":"), "no hostname_map entry to another machine");
        assertFalse(s.cib().configuration().toXml().contains("10.5.1.66"));
    }

    @Test
    void aRemoteNamedAfterAnotherRemotesMachineIsRefused() {
        FakeCib cib = new FakeCib();
        FakeHost host = hostWithFenceAgent(cib);
        State state = leader().withConfig(Map.of(
                        "corosync_key",
                        COROSYNC_KEY,
                        "pacemaker_key",
                        PACEMAKER_KEY,
                        "maas_url",
                        MAAS_URL,
                        "maas_credentials",
                        MAAS_KEY))
                .withRelation(remotes(new RemoteNode("nova-1.cloud", "10.5.1.1", Optional.of("node-17"), false)));
        ctx.run(Event.configChanged(), state, host);
        State hostile = state.withRelation(state.relation("pacemaker-remote")
                .withRemoteUnit(
                        "pacemaker-remote/1",
                        unit(new RemoteNode("node-17", "10.5.1.66", Optional.of("node-17"), false))));
        Result out = ctx.run(Event.configChanged(), hostile, host);
        assertEquals(
                "blocked: 'pacemaker-remote' refused: pacemaker-remote/1: 'remote-hostname' 'node-17' is the "
                        + "machine pacemaker-remote/0 is fenced as",
                HaclusterCharmTest.shown(out));
        assertFalse(cib.configuration().toXml().contains("10.5.1.66"));
    }

    @Test
    void aRegisteredRemoteRenamingItselfOntoAMemberKeepsItsName() {
        Settled s = settle();
        RemoteNode renamed = new RemoteNode("juju-m-2", "10.5.1.2", Optional.of("juju-m-2"), false);
        State hostile = s.state().withRelation(s.remotes().withRemoteUnit("pacemaker-remote/1", unit(renamed)));
        runAndAssertNothingChanged(
                s,
                hostile,
                "blocked: 'pacemaker-remote' refused: pacemaker-remote/1: "
                        + "'remote-hostname' 'juju-m-2' is a cluster member's name; keeping compute-2.maas");
        assertFalse(stonithHosts(s.cib()).contains("juju-m-2"), "a member is never put in the fencing host list");
    }

    @Test
    void twoNewRemotesClaimingOneNameTheLowerUnitKeepsIt() {
        Settled s = settle();
        RemoteNode first = new RemoteNode("compute-9.maas", "10.5.1.9", Optional.empty(), false);
        RemoteNode second = new RemoteNode("compute-9.maas", "10.5.1.99", Optional.empty(), false);
        State two = s.state()
                .withRelation(s.remotes()
                        .withRemoteUnit("pacemaker-remote/10", unit(second))
                        .withRemoteUnit("pacemaker-remote/3", unit(first)));
        Result out =
                ctx.run(Event.relationChanged(two.relation("pacemaker-remote"), "pacemaker-remote/10"), two, s.host());
        assertEquals(
                "blocked: 'pacemaker-remote' refused: pacemaker-remote/10: 'remote-hostname' 'compute-9.maas' "
                        + "is already registered by pacemaker-remote/3",
                HaclusterCharmTest.shown(out));
        String cib = s.cib().configuration().toXml();
        assertTrue(cib.contains("value=\"10.5.1.9\""), cib);
        assertFalse(cib.contains("10.5.1.99"), cib);
        // The owner stays the owner in later hooks, whatever order units are listed in.
        s.cib().clearChanges();
        Result again = ctx.run(Event.updateStatus(), out.state(), s.host());
        assertEquals(List.of(), s.cib().changes());
        assertTrue(HaclusterCharmTest.shown(again).contains("pacemaker-remote/10"));
    }

    // --- 4. a plan pacemaker refuses is not half-applied, and a stale one is recomputed

    @Test
    void aPlanPacemakerRefusesLeavesTheCibAsItWasAndBlocksWithTheReason() {
        Settled s = settle();
        State grown =
                s.state().withRelation(s.remotes().withRemoteUnit("pacemaker-remote/2", unit(compute(3, true, false))));
        s.cib()
                .refuseNextPatch(
                        78,
                        "Entity: line 7: element primitive: Relax-NG validity error : Type ID doesn't "
                                + "allow value 'x'\nCall failed: Update does not conform to the configured schema\n");
        Result out = ctx.run(
                Event.relationChanged(grown.relation("pacemaker-remote"), "pacemaker-remote/2"), grown, s.host());
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                "blocked: CIB update refused by pacemaker, nothing applied: Update does not conform to the "
                        + "configured schema (Type ID doesn't allow value 'x') (the planned changes are in the log)",
                HaclusterCharmTest.shown(out));
        assertEquals(s.cibXml(), s.cib().configuration().toXml(), "nothing of the plan applied");
        assertEquals("yes", out.localUnitData("ha").get("clustered"), "the principal's resources are still in place");
        // The same plan on the same CIB is not sent again in every hook: it would fail the same way.
        s.cib().clearChanges();
        s.cib().refuseNextPatch(78, "Call failed: Update does not conform to the configured schema\n");
        Result same = ctx.run(Event.updateStatus(), out.state(), s.host());
        assertEquals(HaclusterCharmTest.shown(out), HaclusterCharmTest.shown(same));
        assertEquals(List.of(), s.cib().changes(), "not retried");
        // Anything that changes the plan or the CIB is a new attempt.
        s.cib().refuseNextPatch(0, null);
        State fixed = same.state()
                .withRelation(same.state()
                        .relation("pacemaker-remote")
                        .withRemoteUnit("pacemaker-remote/2", unit(compute(4, true, false))));
        Result next = ctx.run(Event.updateStatus(), fixed, s.host());
        assertEquals(
                "active: Unit is ready and clustered",
                HaclusterCharmTest.shown(next),
                "applied once pacemaker accepts it");
        assertTrue(s.cib().configuration().toXml().contains("compute-4.maas"));
        assertFalse(next.state().unitState().containsKey(RefusedPlan.KEY), "forgotten once a plan went through");
    }

    @Test
    void aCibThatChangedSinceItWasReadIsReadAgainNotOverwritten() {
        Settled s = settle();
        State grown =
                s.state().withRelation(s.remotes().withRemoteUnit("pacemaker-remote/2", unit(compute(3, true, false))));
        FakeHost host = s.host().onCommand("cibadmin", new java.util.function.Function<>() {
            boolean bumped;

            @Override
            public dev.instanceha.ops.host.CommandResult apply(Command c) {
                if (c.argv().contains("--patch") && !bumped) {
                    bumped = true;
                    s.cib().statusUpdate(); // the cluster recorded something between query and patch
                }
                return s.cib().cibadmin(c);
            }
        });
        Result out =
                ctx.run(Event.relationChanged(grown.relation("pacemaker-remote"), "pacemaker-remote/2"), grown, host);
        assertEquals("active: Unit is ready and clustered", HaclusterCharmTest.shown(out));
        assertEquals(
                List.of("cibadmin --patch --xml-pipe", "cibadmin --patch --xml-pipe"),
                s.cib().changes());
        assertTrue(s.cib().configuration().toXml().contains("compute-3.maas"));
    }

    // --- 5. the principal's ha data and the members' peer data

    static Stream<Arguments> malformedHaData() {
        return Stream.of(
                Arguments.of("json_resources", "{\"res_x\": ", "'json_resources' is not valid JSON"),
                Arguments.of("json_groups", "[1]", "'json_groups' is not a JSON object"),
                Arguments.of(
                        "json_clones",
                        "{\"1bad\": \"res_masakari_haproxy\"}",
                        "'json_clones' has an invalid pacemaker id"),
                Arguments.of("corosync_mcastport", "99999", "'corosync_mcastport' is not a port number"),
                Arguments.of("corosync_mcastport", "4294967297", "'corosync_mcastport' is not a port number"),
                Arguments.of("corosync_bindiface", "eth0\nx", "'corosync_bindiface'"));
    }

    @ParameterizedTest
    @MethodSource("malformedHaData")
    void malformedHaDataBlocksNamingKeyAndUnitAndKeepsCorosyncAsItIs(String key, String value, String expected) {
        Settled s = settle();
        RelationState ha = s.state().relation("ha");
        Map<String, String> data = new HashMap<>(ha.remoteUnitsData().get("masakari/0"));
        data.put(key, value);
        State hostile = s.state().withRelation(ha.withRemoteUnit("masakari/0", data));
        Result out = ctx.run(Event.relationChanged(hostile.relation("ha"), "masakari/0"), hostile, s.host());
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals("blocked", out.unitStatus().level().jujuName());
        assertTrue(
                out.unitStatus().message().startsWith("'ha' data unusable: masakari/0: "),
                out.unitStatus().message());
        assertTrue(
                out.unitStatus().message().contains(expected), out.unitStatus().message());
        assertEquals(s.files(), s.host().writtenFiles(), "corosync.conf kept (port 4440 stays)");
        assertTrue(s.host()
                .file(ClusterResources.COROSYNC_CONF)
                .orElseThrow()
                .text()
                .contains("mcastport: 4440"));
        assertEquals(List.of(), s.host().serviceLog(), "no restart");
        assertEquals(List.of(), s.cib().changes());
    }

    @Test
    void malformedHaDataBeforeTheClusterFormedFormsNothing() {
        FakeCib cib = new FakeCib();
        FakeHost host = Fixtures.host(cib);
        State state = HaclusterCharmTest.withKeys(leader());
        RelationState ha = state.relation("ha");
        Map<String, String> data = new HashMap<>(ha.remoteUnitsData().get("masakari/0"));
        data.put("json_resources", "not json");
        Result out = ctx.run(Event.configChanged(), state.withRelation(ha.withRemoteUnit("masakari/0", data)), host);
        assertEquals(
                "blocked: 'ha' data unusable: masakari/0: 'json_resources' is not valid JSON",
                HaclusterCharmTest.shown(out));
        assertTrue(host.file(ClusterResources.COROSYNC_CONF).isEmpty(), "no cluster on a guessed port");
        assertEquals(List.of(), host.serviceLog());
    }

    static Map<String, String> peer(String name, String ip) {
        Map<String, String> d = new HashMap<>(RelationState.addressKeys(ip));
        d.put("hostname", name);
        d.put("ready", "True");
        return d;
    }

    @Test
    void twoPeersWithOneNodeNameNeverBothEnterCorosync() {
        FakeHost host = Fixtures.host(new FakeCib());
        State state = HaclusterCharmTest.withKeys(leader())
                .withRelation(Fixtures.peers(2, Map.of())
                        .withRemoteUnit("hacluster/3", peer("juju-m-1", "10.5.0.13"))
                        .withRemoteUnit("hacluster/4", peer("juju-m-0", "10.5.0.14"))
                        .withRemoteUnit("hacluster/5", peer("juju-m-5", "10.5.0.11")));
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                "blocked: hanode: hacluster/3 announces node name 'juju-m-1', already hacluster/1's; "
                        + "hacluster/4 announces node name 'juju-m-0', already hacluster/0's; hacluster/5 announces address "
                        + "10.5.0.11, already hacluster/1's: left out of the cluster",
                HaclusterCharmTest.shown(out));
        String conf = host.file(ClusterResources.COROSYNC_CONF).orElseThrow().text();
        assertEquals(1, conf.split("name: juju-m-1\n").length - 1, conf);
        assertEquals(1, conf.split("name: juju-m-0\n").length - 1, conf);
        assertFalse(conf.contains("10.5.0.13") || conf.contains("10.5.0.14") || conf.contains("juju-m-5"), conf);
        assertTrue(conf.contains("nodeid: 1001") && !conf.contains("nodeid: 1003"), conf);
    }

    @Test
    void aPeerWithAnUnusableNameIsNamedAndLeftOut() {
        FakeHost host = Fixtures.host(new FakeCib());
        Map<String, String> bad = peer("juju m 3\n[totem]", "10.5.0.13");
        State state = HaclusterCharmTest.withKeys(leader())
                .withRelation(Fixtures.peers(2, Map.of()).withRemoteUnit("hacluster/3", bad));
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                "blocked: hanode data unusable: hacluster/3: 'hostname' is not a host name: left out of the cluster",
                HaclusterCharmTest.shown(out));
        String conf = host.file(ClusterResources.COROSYNC_CONF).orElseThrow().text();
        assertFalse(conf.contains("10.5.0.13") || conf.contains("[totem]"), conf);
    }

    @Test
    void aUnitWhoseNameAnOlderMemberHasTouchesNothing() {
        FakeHost host = new FakeCib().attach(new FakeHost().onCommand("uname -n", 0, "juju-m-1\n"));
        State newcomer = HaclusterCharmTest.withKeys(State.of("hacluster/3").withAddress("10.5.0.13"))
                .withRelation(Fixtures.peers(2, Map.of()).withRemoteUnit("hacluster/0", peer("juju-m-0", "10.5.0.10")));
        Result out = ctx.run(Event.configChanged(), newcomer, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                "blocked: This unit's node name 'juju-m-1' is also hacluster/1's: give this machine a unique host name",
                HaclusterCharmTest.shown(out));
        assertTrue(host.file(ClusterResources.COROSYNC_CONF).isEmpty());
        assertEquals(List.of(), host.serviceLog());
    }

    // --- 6. garbage in the leader's peer application data

    static Stream<Arguments> garbageKeys() {
        return Stream.of(
                Arguments.of(
                        "corosync-key",
                        "not base64 !",
                        "hanode application data 'corosync-key' is not valid base64: "
                                + "set the corosync_key option (every unit then uses it)"),
                Arguments.of(
                        "pacemaker-key",
                        "{\"json\": true}",
                        "hanode application data 'pacemaker-key' is not valid "
                                + "base64: set the pacemaker_key option (every unit then uses it)"),
                Arguments.of("corosync-key", "c2hvcnQ=", null));
    }

    @ParameterizedTest
    @MethodSource("garbageKeys")
    void garbageInTheLeadersKeysBlocksNamingTheKeyAndReplacesNothing(String key, String value, String expected) {
        Map<String, String> app = new HashMap<>(Fixtures.sharedKeys());
        app.put(key, value);
        for (boolean isLeader : List.of(true, false)) {
            FakeHost host = Fixtures.host(new FakeCib());
            State state = State.of(isLeader ? "hacluster/0" : "hacluster/1")
                    .withLeader(isLeader)
                    .withAddress("10.5.0.10")
                    .withRelation(Fixtures.peers(2, app))
                    .withConfig("corosync_transport", "knet");
            Result out = ctx.run(Event.configChanged(), state, host);
            assertEquals(0, out.exitCode(), out.allLogText());
            String message = expected != null
                    ? expected
                    : "hanode application data 'corosync-key' decodes to 5 bytes, "
                            + "fewer than the 128 needed: set the corosync_key option (every unit then uses it)";
            assertEquals("blocked: " + message, HaclusterCharmTest.shown(out));
            assertTrue(host.file(ClusterResources.COROSYNC_CONF).isEmpty());
            assertEquals(value, out.localAppData("hanode").get(key), "never silently regenerated");
        }
    }

    @Test
    void garbageInTheRemoteRecordsIsRewrittenByTheLeaderAndRemovesNothing() {
        Settled s = settle();
        RelationState peers = s.state().relation("hanode");
        Map<String, String> app = new HashMap<>(peers.localAppData());
        app.put(RemoteRecords.KEY, "{\"pacemaker-remote/1\": [1, 2]");
        State broken = s.state().withRelation(peers.withLocalAppData(app));
        Result out = ctx.run(Event.updateStatus(), broken, s.host());
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals("active: Unit is ready and clustered", HaclusterCharmTest.shown(out));
        assertEquals(List.of(), s.cib().changes());
        assertEquals(
                s.state().relation("hanode").localAppData().get(RemoteRecords.KEY),
                out.localAppData("hanode").get(RemoteRecords.KEY),
                "rewritten from the ready remotes");
        Result follower = ctx.run(Event.updateStatus(), broken.withLeader(false), s.host());
        assertEquals(
                "waiting: hanode application data 'remote-nodes' is malformed: waiting for the leader to rewrite it",
                HaclusterCharmTest.shown(follower));
    }

    // --- 64-bit options (the value must be range-checked before it is narrowed to an int)

    @Test
    void aClusterCountBeyond32BitsBlocksInsteadOfWrappingToOne() {
        Result out = ctx.run(
                Event.configChanged(),
                HaclusterCharmTest.withKeys(leader()).withConfig("cluster_count", 4294967297L),
                Fixtures.host(new FakeCib()));
        assertEquals(0, out.exitCode(), out.allLogText());
        assertTrue(
                out.blockedOnConfig("cluster_count", "must be between 1 and 384"),
                out.statusHistory().toString());
    }

    @Test
    void netmtuAndPortBeyond32BitsBlock() {
        Result mtu = ctx.run(
                Event.configChanged(),
                HaclusterCharmTest.withKeys(leader()).withConfig("netmtu", 4294967296L + 1500),
                Fixtures.host(new FakeCib()));
        assertTrue(
                mtu.blockedOnConfig("netmtu", "must be between 576 and 65536"),
                mtu.statusHistory().toString());
        Result port = ctx.run(
                Event.configChanged(),
                HaclusterCharmTest.withKeys(leader()).withConfig("corosync_mcastport", 4294967296L + 5405),
                Fixtures.host(new FakeCib()));
        assertTrue(
                port.blockedOnConfig("corosync_mcastport", "must be a port"),
                port.statusHistory().toString());
    }
}
