package dev.instanceha.hacluster;

import static dev.instanceha.hacluster.Fixtures.COROSYNC_KEY;
import static dev.instanceha.hacluster.Fixtures.MAAS_KEY;
import static dev.instanceha.hacluster.Fixtures.MAAS_URL;
import static dev.instanceha.hacluster.Fixtures.PACEMAKER_KEY;
import static dev.instanceha.hacluster.Fixtures.VIP_RESOURCE;
import static dev.instanceha.hacluster.Fixtures.compute;
import static dev.instanceha.hacluster.Fixtures.ha;
import static dev.instanceha.hacluster.Fixtures.host;
import static dev.instanceha.hacluster.Fixtures.hostWithFenceAgent;
import static dev.instanceha.hacluster.Fixtures.leader;
import static dev.instanceha.hacluster.Fixtures.masakari;
import static dev.instanceha.hacluster.Fixtures.peers;
import static dev.instanceha.hacluster.Fixtures.remotes;
import static dev.instanceha.hacluster.Fixtures.sharedKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hacluster.cib.XmlNode;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HaclusterCharmTest {
    static final Path CHARM = Path.of("src/main/charm");
    final CharmTestContext ctx = new CharmTestContext(() -> new HaclusterCharm(1, Duration.ZERO), CHARM);

    static String shown(Result out) {
        return out.unitStatus().level().jujuName() + ": " + out.unitStatus().message();
    }

    static State withKeys(State s) {
        return s.withConfig(Map.of("corosync_key", COROSYNC_KEY, "pacemaker_key", PACEMAKER_KEY));
    }

    // --- peers and cluster_count

    static Stream<Arguments> peerCounts() {
        return Stream.of(
                Arguments.of(0, 3, "waiting: Insufficient peer units for ha cluster (require 3)", false),
                Arguments.of(1, 3, "waiting: Insufficient peer units for ha cluster (require 3)", false),
                Arguments.of(2, 3, "active: Unit is ready and clustered", true),
                Arguments.of(1, 2, "active: Unit is ready and clustered", true),
                Arguments.of(0, 1, "active: Unit is ready and clustered", true),
                Arguments.of(3, 5, "waiting: Insufficient peer units for ha cluster (require 5)", false));
    }

    @ParameterizedTest
    @MethodSource("peerCounts")
    void clusterFormsOnlyWithClusterCountUnits(int peerCount, int clusterCount, String expected, boolean formed) {
        FakeCib cib = new FakeCib();
        FakeHost host = host(cib);
        State state =
                withKeys(leader()).withRelation(peers(peerCount, Map.of())).withConfig("cluster_count", clusterCount);
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(expected, shown(out));
        assertEquals(
                formed, host.file(ClusterResources.COROSYNC_CONF).isPresent(), "corosync.conf only with enough units");
        assertEquals(formed, host.runningServices().contains("corosync"));
        assertEquals(formed ? "yes" : null, out.localUnitData("ha").get("clustered"));
        assertEquals(formed, !cib.changes().isEmpty(), "CIB written only once formed");
    }

    @Test
    void peersThatHaveNotAnnouncedThemselvesDoNotCount() {
        State state = withKeys(leader())
                .withRelation(peers(2, Map.of()).withRemoteUnit("hacluster/2", Fixtures.addresses("10.5.0.12")));
        Result out = ctx.run(Event.configChanged(), state, host(new FakeCib()));
        assertEquals("waiting: Insufficient peer units for ha cluster (require 3)", shown(out));
    }

    @Test
    void unitAnnouncesItselfToPeersWithUpstreamKeys() {
        Result out = ctx.run(Event.configChanged(), withKeys(leader()), host(new FakeCib()));
        Map<String, String> mine = out.localUnitData("hanode");
        assertEquals("juju-m-0", mine.get("hostname"));
        assertEquals("True", mine.get("ready"));
        assertEquals("True", mine.get("member_ready"));
    }

    // --- keys

    @Test
    void leaderGeneratesKeysOnceAndSharesThemWithPeersAndRemotes() {
        FakeHost host = host(new FakeCib());
        State state = leader().withRelation(remotes(compute(1, false, false)));
        Result out = ctx.run(Event.leaderElected(), state, host);
        Map<String, String> shared = out.localAppData("hanode");
        String corosync = shared.get("corosync-key");
        String pacemaker = shared.get("pacemaker-key");
        assertEquals(256, Base64.getDecoder().decode(corosync).length);
        assertNotEquals(corosync, pacemaker, "two independent keys");
        assertEquals(pacemaker, out.localUnitData("pacemaker-remote").get("pacemaker-key"));
        assertEquals(
                List.of(),
                List.of(host.file(ClusterResources.PACEMAKER_AUTHKEY)
                                .orElseThrow()
                                .content())
                        .stream()
                        .filter(b ->
                                !java.util.Arrays.equals(b, Base64.getDecoder().decode(pacemaker)))
                        .toList());

        Result again = ctx.run(Event.configChanged(), out.state(), host);
        assertEquals(shared, again.localAppData("hanode"), "never regenerated");
    }

    @Test
    void nonLeaderWaitsForTheLeadersKeysThenUsesThem() {
        State follower = State.of("hacluster/1")
                .withAddress("10.5.0.11")
                .withRelation(peers(0, Map.of())
                        .withRemoteUnit("hacluster/0", peerData("juju-m-0", "10.5.0.10"))
                        .withRemoteUnit("hacluster/2", peerData("juju-m-2", "10.5.0.12")))
                .withRelation(ha(masakari()));
        FakeHost host = new FakeCib().attach(new FakeHost().onCommand("uname -n", 0, "juju-m-1\n"));
        Result out = ctx.run(Event.configChanged(), follower, host);
        assertEquals("waiting: Waiting for the leader to share the cluster keys", shown(out));
        assertTrue(host.file(ClusterResources.COROSYNC_CONF).isEmpty());
        assertFalse(out.localAppData("hanode").containsKey("corosync-key"), "a non-leader never writes app data");

        State keyed = follower.withRelation(follower.relation("hanode").withLocalAppData(sharedKeys()));
        Result joined = ctx.run(Event.relationChanged(keyed.relation("hanode"), "hacluster/0"), keyed, host);
        assertEquals(
                COROSYNC_KEY,
                Base64.getEncoder()
                        .encodeToString(host.file(ClusterResources.COROSYNC_AUTHKEY)
                                .orElseThrow()
                                .content()));
        assertTrue(host.runningServices().containsAll(List.of("corosync", "pacemaker")));
        assertEquals(
                "waiting: Resource: grp_masakari_vips not yet configured",
                shown(joined),
                "the leader has not written the CIB yet");
    }

    private static Map<String, String> peerData(String name, String ip) {
        Map<String, String> d = Fixtures.addresses(ip);
        d.put("hostname", name);
        d.put("ready", "True");
        return d;
    }

    @Test
    void configKeysWinOverGeneratedOnes() {
        FakeHost host = host(new FakeCib());
        Result out =
                ctx.run(Event.configChanged(), withKeys(leader()).withRelation(remotes(compute(1, false, true))), host);
        assertEquals(PACEMAKER_KEY, out.localUnitData("pacemaker-remote").get("pacemaker-key"));
        assertEquals(
                COROSYNC_KEY,
                Base64.getEncoder()
                        .encodeToString(host.file(ClusterResources.COROSYNC_AUTHKEY)
                                .orElseThrow()
                                .content()));
    }

    // --- files and services

    @Test
    void keyFilesAreReadableOnlyByTheirDaemons() {
        FakeHost host = hostWithFenceAgent(new FakeCib());
        ctx.run(
                Event.configChanged(),
                withKeys(leader())
                        .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                        .withRelation(remotes(compute(1, true, false))),
                host);
        assertEquals(
                FileSpec.root(0400),
                host.file(ClusterResources.COROSYNC_AUTHKEY).orElseThrow().spec());
        assertEquals(
                new FileSpec("hacluster", "haclient", 0440),
                host.file(ClusterResources.PACEMAKER_AUTHKEY).orElseThrow().spec());
        assertEquals(
                FileSpec.root(0600),
                host.file(ClusterResources.MAAS_KEY).orElseThrow().spec());
        assertEquals(
                MAAS_KEY + "\n",
                host.file(ClusterResources.MAAS_KEY).orElseThrow().text());
        host.writtenFiles().forEach((path, file) -> {
            boolean secret = file.text().contains(MAAS_KEY) || path.toString().contains("authkey");
            if (secret) {
                assertEquals(0, file.spec().mode() & 07, path + " must not be world-readable");
            }
        });
    }

    @Test
    void corosyncConfListsEveryMemberWithStableIds() {
        FakeHost host = host(new FakeCib());
        ctx.run(Event.configChanged(), withKeys(leader()), host);
        String conf = host.file(ClusterResources.COROSYNC_CONF).orElseThrow().text();
        assertTrue(conf.contains("ring0_addr: 10.5.0.10\n        name: juju-m-0\n        nodeid: 1000"), conf);
        assertTrue(conf.contains("ring0_addr: 10.5.0.12\n        name: juju-m-2\n        nodeid: 1002"), conf);
        assertTrue(conf.contains("cluster_name: hacluster"), conf);
        assertTrue(conf.contains("mcastport: 4440"), "the principal's corosync_mcastport: " + conf);
    }

    @Test
    void servicesRestartOnlyWhenTheirFilesChange() {
        FakeHost host = host(new FakeCib());
        State state = withKeys(leader());
        Result first = ctx.run(Event.configChanged(), state, host);
        assertEquals(
                List.of(
                        "restart corosync",
                        "enable corosync",
                        "start pacemaker",
                        "enable pacemaker",
                        "disable haproxy"),
                host.serviceLog());

        host.clearLogs();
        ctx.run(Event.configChanged(), first.state(), host);
        assertEquals(List.of(), host.serviceLog());

        host.clearLogs();
        ctx.run(Event.configChanged(), first.state().withConfig("debug", true), host);
        assertEquals(
                List.of("stop pacemaker", "restart corosync", "enable corosync", "start pacemaker", "enable pacemaker"),
                host.serviceLog());
    }

    @Test
    void initServicesAreHandedToPacemaker() {
        FakeHost host = host(new FakeCib());
        ctx.run(Event.configChanged(), withKeys(leader()), host);
        assertTrue(
                host.serviceLog().contains("disable haproxy"), host.serviceLog().toString());
    }

    // --- idempotency

    @Test
    void everyHookRunTwiceChangesNothingTheSecondTime() {
        FakeCib cib = new FakeCib();
        FakeHost host = hostWithFenceAgent(cib);
        State state = withKeys(leader())
                .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                .withRelation(remotes(compute(1, true, false), compute(2, true, false)));
        State settled = ctx.run(Event.configChanged(), state, host).state();
        assertEquals("active: Unit is ready and clustered", shown(ctx.run(Event.updateStatus(), settled, host)));
        for (Event event : List.of(
                Event.configChanged(),
                Event.updateStatus(),
                Event.leaderElected(),
                Event.relationChanged(settled.relation("ha"), "masakari/0"),
                Event.relationChanged(settled.relation("pacemaker-remote"), "pacemaker-remote/1"),
                Event.relationChanged(settled.relation("hanode"), "hacluster/2"),
                Event.upgradeCharm())) {
            Map<Path, FakeHost.FakeFile> files = host.writtenFiles();
            host.clearLogs();
            cib.clearChanges();
            Result out = ctx.run(event, settled, host);
            assertEquals(0, out.exitCode(), event.name() + ": " + out.allLogText());
            assertEquals(List.of(), cib.changes(), event.name() + " changed the CIB");
            assertEquals(List.of(), host.serviceLog(), event.name() + " touched services");
            assertEquals(List.of(), out.relationWrites(), event.name() + " wrote relation data");
            assertEquals(files, host.writtenFiles(), event.name() + " changed files");
            List<String> commands = host.commandLog().stream()
                    .map(Command::display)
                    .filter(c -> !c.startsWith("cibadmin --query") && !c.startsWith("uname"))
                    .toList();
            assertEquals(List.of(), commands, event.name() + " ran commands");
            assertEquals("active: Unit is ready and clustered", shown(out));
        }
    }

    // --- CIB through the charm

    @Test
    void leaderAppliesPrincipalResourcesRemotesAndFencing() {
        FakeCib cib = new FakeCib();
        State state = withKeys(leader())
                .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                .withRelation(remotes(compute(1, true, false), compute(2, false, true)));
        Result out = ctx.run(Event.configChanged(), state, hostWithFenceAgent(cib));
        assertEquals("active: Unit is ready and clustered", shown(out));
        XmlNode config = cib.configuration();
        List<String> resources = config.child("resources").orElseThrow().children().stream()
                .map(XmlNode::id)
                .toList();
        assertEquals(
                List.of("grp_masakari_vips", "cl_res_masakari_haproxy", "compute-1.maas", "compute-2.maas", "st-maas"),
                resources);
        List<String> constraints = config.child("constraints").orElseThrow().children().stream()
                .map(XmlNode::id)
                .toList();
        assertTrue(constraints.contains(
                "loc-" + VIP_RESOURCE.replace(VIP_RESOURCE, "grp_masakari_vips") + "-compute-1.maas"));
        assertFalse(
                constraints.stream().anyMatch(id -> id.endsWith("-compute-2.maas") && !id.startsWith("loc-compute")),
                "compute-2 allows resources: " + constraints);
        assertEquals("true", cib.property("stonith-enabled"));
        assertEquals(
                List.of("cibadmin --patch --xml-pipe"),
                cib.changes(),
                "device, placement rules and stonith-enabled=true in one transaction");
    }

    @Test
    void nonLeaderAnswersClusteredOnceTheLeadersCibIsThere() {
        FakeCib cib = new FakeCib();
        ctx.run(Event.configChanged(), withKeys(leader()), host(cib)); // the leader, on the shared CIB
        State follower = withKeys(State.of("hacluster/1").withAddress("10.5.0.11"))
                .withRelation(peers(0, Map.of())
                        .withRemoteUnit("hacluster/0", peerData("juju-m-0", "10.5.0.10"))
                        .withRemoteUnit("hacluster/2", peerData("juju-m-2", "10.5.0.12")))
                .withRelation(ha(masakari()));
        cib.clearChanges();
        FakeHost followerHost = new FakeHost().onCommand("uname -n", 0, "juju-m-1\n");
        Result out = ctx.run(Event.configChanged(), follower, cib.attach(followerHost));
        assertEquals("active: Unit is ready and clustered", shown(out));
        assertEquals("yes", out.localUnitData("ha").get("clustered"));
        assertEquals(List.of(), cib.changes(), "only the leader writes the CIB");
    }

    @Test
    void departedRemoteIsRemovedWithItsRules() {
        FakeCib cib = new FakeCib();
        FakeHost host = host(cib);
        State two = withKeys(leader()).withRelation(remotes(compute(1, false, false), compute(2, false, false)));
        ctx.run(Event.configChanged(), two, host);
        cib.clearChanges();
        // Juju still lists the departing unit in its -departed hook; the model leaves it out.
        ctx.run(Event.relationDeparted(two.relation("pacemaker-remote"), "pacemaker-remote/1"), two, host);
        String config = cib.configuration().toXml();
        assertFalse(config.contains("compute-2.maas"), config);
        assertTrue(config.contains("loc-grp_masakari_vips-compute-1.maas"), config);
        assertTrue(
                cib.changes().contains("crm_node --force --remove compute-2.maas"),
                cib.changes().toString());
    }

    @Test
    void pacemakerDownBlocksWithUpstreamsWords() {
        FakeCib cib = new FakeCib();
        FakeHost host = host(cib).withRunningService("corosync").withRunningService("pacemaker");
        State settled = ctx.run(Event.configChanged(), withKeys(leader()), host).state();
        cib.down(true);
        Result out = ctx.run(Event.updateStatus(), settled, host);
        assertEquals("blocked: Pacemaker is down. Please manually start it.", shown(out));
        assertEquals(null, out.localUnitData("ha").get("clustered"));
    }

    @Test
    void pacemakerJustStartedIsWaitedFor() {
        FakeCib cib = new FakeCib();
        cib.down(true);
        Result out = ctx.run(Event.configChanged(), withKeys(leader()), host(cib));
        assertEquals("waiting: Waiting for pacemaker to start", shown(out));
    }

    // --- fencing

    @Test
    void stonithRequestedWithoutMaasBlocksAndKeepsFencingOff() {
        FakeCib cib = new FakeCib();
        Result out = ctx.run(
                Event.configChanged(), withKeys(leader()).withRelation(remotes(compute(1, true, false))), host(cib));
        assertEquals(
                "blocked: enable-stonith requested by 1 remote node(s) but maas_url and maas_credentials are "
                        + "not set: STONITH disabled",
                shown(out));
        assertEquals("false", cib.property("stonith-enabled"));
    }

    @Test
    void missingFenceAgentBlocksInsteadOfCreatingADeadDevice() {
        FakeCib cib = new FakeCib();
        State state = withKeys(leader())
                .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                .withRelation(remotes(compute(1, true, false)));
        Result out = ctx.run(Event.configChanged(), state, host(cib));
        assertEquals("blocked: " + FenceAgent.MISSING, shown(out));
        assertFalse(cib.configuration().toXml().contains("st-maas"));
    }

    @Test
    void theFenceAgentTheCharmShipsIsInstalledOnceAndTheDeviceCreated() {
        FakeCib cib = new FakeCib();
        Path shipped = CHARM.toAbsolutePath().resolve("fence-maas");
        FakeHost host = host(cib)
                .withFile(
                        shipped.resolve("fence_maas"),
                        "#!/bin/sh\nexec java -jar fence-maas.jar\n",
                        FileSpec.root(0644))
                .withFile(shipped.resolve("fence-maas.jar"), "PK-agent", FileSpec.root(0644));
        State state = withKeys(leader())
                .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                .withRelation(remotes(compute(1, true, false)));
        Result out = ctx.run(Event.configChanged(), state, host);
        assertEquals("active: Unit is ready and clustered", shown(out));
        assertEquals(0755, host.file(FenceAgent.PATH).orElseThrow().spec().mode(), "executable for pacemaker-fenced");
        assertEquals(
                "PK-agent", new String(host.file(FenceAgent.JAR).orElseThrow().content()));
        assertTrue(cib.configuration().toXml().contains("st-maas"));
        Map<Path, FakeHost.FakeFile> files = host.writtenFiles();
        ctx.run(Event.configChanged(), out.state(), host);
        assertEquals(files, host.writtenFiles(), "a second hook rewrites nothing");
    }

    @Test
    void noRemoteAskingForFencingLeavesStonithDisabled() {
        FakeCib cib = new FakeCib();
        State state = withKeys(leader())
                .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                .withRelation(remotes(compute(1, false, false)));
        Result out = ctx.run(Event.configChanged(), state, hostWithFenceAgent(cib));
        assertEquals("active: Unit is ready and clustered", shown(out));
        assertEquals("false", cib.property("stonith-enabled"));
    }

    // --- bad config

    static Stream<Arguments> badConfig() {
        return Stream.of(
                Arguments.of(
                        Map.of("corosync_transport", "tcp"),
                        "config 'corosync_transport' Unsupported corosync_transport type"),
                Arguments.of(
                        Map.of("maas_url", "ftp://maas", "maas_credentials", MAAS_KEY),
                        "config 'maas_url' must be an http(s) URL"),
                Arguments.of(
                        Map.of("maas_url", MAAS_URL, "maas_credentials", "only-one-part"),
                        "config 'maas_credentials' must be a MAAS API key"),
                Arguments.of(
                        Map.of("maas_url", MAAS_URL), "config 'maas_credentials' is required when maas_url is set"),
                Arguments.of(Map.of("maas_credentials", MAAS_KEY), "config 'maas_url' is required"),
                Arguments.of(Map.of("stonith_enabled", "true"), "stonith_enabled config option is no longer supported"),
                Arguments.of(Map.of("no_quorum_policy", "panic"), "Invalid no_quorum_policy specified"),
                Arguments.of(
                        Map.of("corosync_key", "c2hvcnQ=", "corosync_transport", "knet"),
                        "config 'corosync_key' is too short"),
                Arguments.of(Map.of("pacemaker_key", "not base64!"), "config 'pacemaker_key' is not valid base64"),
                Arguments.of(Map.of("cluster_count", 0), "config 'cluster_count' must be between 1 and 384"),
                Arguments.of(
                        Map.of("cluster_count", 4_294_967_297L), "config 'cluster_count' must be between 1 and 384"),
                Arguments.of(Map.of("corosync_mcastport", 4_294_972_737L), "config 'corosync_mcastport'"),
                Arguments.of(
                        Map.of("corosync_transport", "multicast", "corosync_mcastaddr", "nowhere"),
                        "config 'corosync_mcastaddr' must be a multicast IP address"),
                Arguments.of(
                        Map.of("corosync_transport", "multicast", "corosync_mcastaddr", "10.0.0.1"),
                        "config 'corosync_mcastaddr' must be a multicast IP address"),
                Arguments.of(
                        Map.of(
                                "corosync_transport",
                                "knet",
                                "corosync_key",
                                java.util.Base64.getEncoder().encodeToString(new byte[4097])),
                        "config 'corosync_key' is too long"));
    }

    @ParameterizedTest
    @MethodSource("badConfig")
    void badConfigBlocksNamingTheKeyAndChangesNothing(Map<String, Object> config, String expected) {
        FakeCib cib = new FakeCib();
        FakeHost host = host(cib);
        Result out = ctx.run(Event.configChanged(), withKeys(leader()).withConfig(config), host);
        assertEquals(0, out.exitCode());
        assertEquals("blocked", out.unitStatus().level().jujuName());
        assertTrue(
                out.unitStatus().message().startsWith(expected),
                out.unitStatus().message());
        assertTrue(host.file(ClusterResources.COROSYNC_CONF).isEmpty());
        assertEquals(List.of(), cib.changes());
        assertFalse(out.unitStatus().message().contains(MAAS_KEY));
    }

    // --- secrets

    @Test
    void secretsAppearInNoLogStatusCibOrCommandLine() {
        FakeCib cib = new FakeCib();
        FakeHost host = hostWithFenceAgent(cib);
        State state = withKeys(leader())
                .withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", MAAS_KEY))
                .withRelation(remotes(compute(1, true, false)));
        Result out = ctx.run(Event.configChanged(), state, host);
        Result generated = ctx.run(Event.configChanged(), leader(), host(new FakeCib()));
        List<String> secrets = List.of(
                MAAS_KEY,
                COROSYNC_KEY,
                PACEMAKER_KEY,
                MAAS_KEY.split(":")[2],
                generated.localAppData("hanode").get("corosync-key"),
                generated.localAppData("hanode").get("pacemaker-key"));
        String cibText = cib.configuration().toXml();
        String commands = String.join(
                "\n", host.commandLog().stream().map(Command::display).toList());
        for (Result r : List.of(out, generated)) {
            for (String secret : secrets) {
                assertFalse(r.allLogText().contains(secret), "log");
                r.statusHistory().forEach(s -> assertFalse(s.message().contains(secret), "status"));
                assertFalse(cibText.contains(secret), "CIB");
                assertFalse(commands.contains(secret), "command line");
            }
        }
        assertTrue(cibText.contains("api_key_file"), "the CIB names the key file instead");
    }

    @Test
    void badCredentialsAreNotEchoed() {
        String almost = "Kq9ZbT2xHc7LmPa4Wd:Vn3RtY8uJe5GsQh1Xk";
        Result out = ctx.run(
                Event.configChanged(),
                withKeys(leader()).withConfig(Map.of("maas_url", MAAS_URL, "maas_credentials", almost)),
                host(new FakeCib()));
        assertFalse(
                out.unitStatus().message().contains(almost), out.unitStatus().message());
        assertFalse(out.allLogText().contains(almost));
    }

    @Test
    void installStopsThePackagesOneNodeDefaultCluster() {
        FakeHost host = host(new FakeCib()).withRunningService("corosync").withRunningService("pacemaker");
        ctx.run(Event.install(), State.of("hacluster/0"), host);
        assertTrue(host.installedPackages().containsAll(List.of("corosync", "pacemaker", "pacemaker-cli-utils")));
        assertTrue(
                host.serviceLog().containsAll(List.of("stop pacemaker", "stop corosync")),
                host.serviceLog().toString());
    }

    @Test
    void installDropsTheCibOfThePackagesDefaultClusterSoNode1NeverAppears() {
        FakeHost host = host(new FakeCib())
                .withRunningService("corosync")
                .withRunningService("pacemaker")
                .withFile(
                        Path.of("/var/lib/pacemaker/cib/cib.xml"),
                        "<cib><configuration><nodes><node id=\"1\" uname=\"node1\"/>"
                                + "</nodes></configuration></cib>",
                        FileSpec.root(0600))
                .withFile(Path.of("/var/lib/pacemaker/cib/cib.xml.sig"), "sig", FileSpec.root(0600));
        ctx.run(Event.install(), State.of("hacluster/0"), host);
        assertTrue(
                host.file(Path.of("/var/lib/pacemaker/cib/cib.xml")).isEmpty(),
                "the package default's CIB names node1");
        assertTrue(host.file(Path.of("/var/lib/pacemaker/cib/cib.xml.sig")).isEmpty());
    }

    @Test
    void installOnAnAlreadyConfiguredMemberKeepsItsCib() {
        FakeCib cib = new FakeCib();
        FakeHost host = host(cib);
        ctx.run(Event.configChanged(), withKeys(leader()), host); // our corosync.conf is written
        host.withFile(Path.of("/var/lib/pacemaker/cib/cib.xml"), "<cib/>", FileSpec.root(0600));
        ctx.run(Event.install(), State.of("hacluster/0"), host);
        assertTrue(
                host.file(Path.of("/var/lib/pacemaker/cib/cib.xml")).isPresent(),
                "a configured cluster's CIB is its own");
    }

    @Test
    void workloadVersionIsPacemakers() {
        FakeHost host = host(new FakeCib()).withPackage("pacemaker", "2.1.5-1+deb12u1");
        Result out = ctx.run(Event.configChanged(), withKeys(leader()), host);
        assertEquals("2.1.5", out.workloadVersion().orElseThrow());
        assertEquals(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
        assertEquals(Status.active("Unit is ready and clustered"), out.unitStatus());
    }
}
