package dev.instanceha.tests.charms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hacluster.ClusterOptions;
import dev.instanceha.hacluster.MaasSettings;
import dev.instanceha.hacluster.cib.CibChange;
import dev.instanceha.hacluster.cib.CibInputs;
import dev.instanceha.hacluster.cib.CibPlan;
import dev.instanceha.hacluster.cib.CibSnapshot;
import dev.instanceha.hacluster.cib.CibXml;
import dev.instanceha.hacluster.cib.DesiredCib;
import dev.instanceha.hacluster.cib.LiveCib;
import dev.instanceha.hacluster.cib.StonithDevice;
import dev.instanceha.hacluster.corosync.CorosyncConf;
import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.hacluster.corosync.CorosyncSettings;
import dev.instanceha.hacluster.corosync.Transport;
import dev.instanceha.interfaces.hacluster.HaResources;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.ops.host.RealHost;
import dev.instanceha.tests.lab.Cluster;
import dev.instanceha.tests.lab.Fencing;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.LabTest;
import dev.instanceha.tests.lab.MaasSim;
import dev.instanceha.tests.lab.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hacluster charm's renderings against the real programs: corosync accepts its corosync.conf
 * ({@code corosync -t}), pacemaker accepts the CIB it wants for masakari plus remotes plus MAAS
 * fencing ({@code crm_verify}), and its change plan, run with real cibadmin against the lab's live
 * cluster, registers the remote compute hosts and the fence_maas device, after which the same plan
 * computed again is empty.
 */
@LabTest(computes = 3)
class HaclusterCharmLabIT {
    private static final List<String> REMOTES = List.of("compute1", "compute2", "compute3");

    @Test
    void corosyncAcceptsTheRenderedConfigAndRejectsABrokenOne(@TempDir Path dir) throws Exception {
        // corosync -t wants what a unit has: its own address in the nodelist (node 0 here) and, for
        // knet's crypto, /etc/corosync/authkey (the charm writes one; a random one stands in for it).
        Path authkey = Path.of("/etc/corosync/authkey");
        boolean keyExisted = Files.exists(authkey);
        if (!keyExisted) {
            byte[] key = new byte[256];
            new java.security.SecureRandom().nextBytes(key);
            Files.createFile(
                    authkey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r--------")));
            Files.write(authkey, key);
        }
        try {
            for (Transport transport : List.of(Transport.KNET, Transport.UDPU)) {
                for (int peers : new int[] {1, 2, 3}) {
                    List<CorosyncNode> nodes = new ArrayList<>();
                    for (int i = 0; i < peers; i++) {
                        nodes.add(new CorosyncNode(
                                CorosyncNode.idForUnit("hacluster/" + i),
                                "juju-ha-" + i,
                                i == 0 ? "127.0.0.1" : "10.251.9." + (10 + i)));
                    }
                    String conf = CorosyncConf.render(new CorosyncSettings(
                            "juju_cluster",
                            transport,
                            nodes,
                            "226.94.1.1",
                            CorosyncSettings.DEFAULT_PORT,
                            Optional.empty(),
                            false));
                    Path file = Files.writeString(dir.resolve(transport + "-" + peers + ".conf"), conf);
                    Lab.Result r = run("corosync", "-t", "-c", file.toString());
                    assertEquals(
                            0,
                            r.exitCode(),
                            transport + " with " + peers + " peer(s): corosync -t said " + r.output() + "\n" + conf);
                }
            }
            Path broken = Files.writeString(dir.resolve("broken.conf"), "totem {\n  version: 2\n  transport: knet\n");
            assertNotEquals(
                    0,
                    run("corosync", "-t", "-c", broken.toString()).exitCode(),
                    "corosync -t must reject a truncated file, or the check above proves nothing");
        } finally {
            if (!keyExisted) {
                Files.deleteIfExists(authkey);
            }
        }
    }

    @Test
    void pacemakerVerifiesTheWholeDesiredCib(MaasSim maas, @TempDir Path dir) throws Exception {
        DesiredCib desired = CibXml.desired(inputs(masakari(), maas));
        Path doc = Files.writeString(dir.resolve("cib.xml"), desired.toCibDocument());
        List<String> problems = verifyProblems(doc);
        assertEquals(List.of(), problems, "crm_verify found configuration problems:\n" + desired.toCibDocument());
        assertFalse(desired.toCibDocument().contains(maas.apiKey().split(":")[2]), "the MAAS key never enters the CIB");
        Path invalid = Files.writeString(
                dir.resolve("invalid.xml"), desired.toCibDocument().replaceFirst(" class=\"ocf\"", ""));
        assertFalse(
                verifyProblems(invalid).isEmpty(),
                "crm_verify must reject a primitive without a class, or the check above proves nothing");
    }

    /**
     * crm_verify's errors and warnings, less those about cluster *state*: a document without a status
     * section has no quorum and remotes that were never connected, which crm_verify reports (and
     * exits 78 for) although the configuration is fine.
     */
    private static List<String> verifyProblems(Path doc) throws Exception {
        Lab.Result r = run("crm_verify", "--xml-file", doc.toString(), "-VVV");
        return r.output()
                .lines()
                .filter(l -> l.contains("error") || l.contains("warning:"))
                .filter(l -> !l.contains("due to lack of quorum")
                        && !l.matches(".*Node \\S+ is unclean but cannot be fenced.*")
                        && !l.matches(".*Scheduling node \\S+ for fencing.*"))
                .toList();
    }

    @Test
    void thePlanRunWithRealCibadminRegistersRemotesAndFencingAndThenIsEmpty(
            Lab lab, MaasSim maas, Cluster cluster, @TempDir Path dir) throws Exception {
        for (String h : REMOTES) {
            cluster.awaitOnline(h, true, Duration.ofSeconds(90));
        }
        Path before = dir.resolve("configuration-before.xml");
        Files.writeString(
                before, run("cibadmin", "--query", "--scope", "configuration").output());
        Path keyFile = Path.of(StonithDevice.API_KEY_FILE);
        boolean keyExisted = Files.exists(keyFile);
        // What the charm's ClusterResources declares for the MAAS key (root 0600) and the fence agent the charm expects
        // installed.
        if (!keyExisted) {
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(keyFile, maas.apiKey() + "\n");
        try (Fencing agent = Fencing.installOnly(lab)) {
            LiveCib live = new LiveCib(new RealHost());
            DesiredCib desired = CibXml.desired(inputs(HaResources.EMPTY, maas));
            CibSnapshot snapshot = live.snapshot().orElseThrow();
            List<CibChange> plan = CibPlan.between(desired, snapshot.configuration());
            assertFalse(plan.isEmpty(), "the lab's hand-made CIB differs from the charm's");
            // As the charm does it: the whole plan as one versioned patch, all or nothing.
            LiveCib.Outcome outcome = live.commit(snapshot, plan);
            assertTrue(outcome instanceof LiveCib.Committed, "the live cluster took the plan in one patch: " + outcome);
            String mon = Poll.until(
                    Duration.ofSeconds(90),
                    Duration.ofSeconds(1),
                    () -> run("crm_mon", "-1").output(),
                    m -> m.contains("st-maas") && m.matches("(?s).*st-maas\\s+\\(stonith:fence_maas\\):\\s+Started.*"),
                    m -> "st-maas not started within 90 s:\n" + m);
            assertTrue(mon.matches("(?s).*st-maas\\s+\\(stonith:fence_maas\\):\\s+Started.*"), mon);
            for (String h : REMOTES) {
                cluster.awaitOnline(h, true, Duration.ofSeconds(90));
            }
            assertTrue(run("stonith_admin", "--list-registered").output().contains("st-maas"));
            List<CibChange> again =
                    CibPlan.between(desired, live.configuration().orElseThrow());
            assertEquals(
                    List.of(),
                    again.stream().map(CibChange::description).toList(),
                    "applied once, the real CIB holds what the charm wants");
            String cib = run("cibadmin", "--query").output();
            assertFalse(cib.contains(maas.apiKey().split(":")[2]), "the MAAS key never enters the CIB");
        } finally {
            run("crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "false");
            Lab.Result restore =
                    run("cibadmin", "--replace", "--scope", "configuration", "--xml-file", before.toString());
            assertEquals(0, restore.exitCode(), "restoring the lab's CIB: " + restore.output());
            run("stonith_admin", "--cleanup", "--history", "*");
            if (!keyExisted) {
                Files.deleteIfExists(keyFile);
            }
            for (String h : REMOTES) {
                cluster.awaitOnline(h, true, Duration.ofSeconds(120));
            }
        }
    }

    /** masakari's request (upstream shape: its VIP in grp_masakari_vips, the haproxy clone). */
    private static HaResources masakari() {
        String vip = "res_masakari_4e1b2c3_vip";
        return HaResources.builder()
                .primitive(
                        vip,
                        "ocf:heartbeat:IPaddr2",
                        "params ip=\"10.251.200.10\" cidr_netmask=\"16\" nic=\"ihalab0\" "
                                + "meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" "
                                + "op monitor timeout=\"20s\" interval=\"10s\" depth=\"0\"")
                .group("grp_masakari_vips", List.of(vip))
                .primitive(
                        "res_masakari_haproxy",
                        "lsb:haproxy",
                        "meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" op monitor interval=\"5s\"")
                .clone("cl_res_masakari_haproxy", "res_masakari_haproxy")
                .build();
    }

    /** The lab's three compute hosts as the pacemaker-remote charm announces them, fencing through the MAAS simulator. */
    private static CibInputs inputs(HaResources principal, MaasSim maas) {
        List<RemoteNode> remotes = REMOTES.stream()
                .map(h -> new RemoteNode(h, Cluster.address(h), Optional.of(h), false))
                .toList();
        return new CibInputs(
                principal,
                remotes,
                List.of(Cluster.MEMBER),
                Optional.of(new MaasSettings(maas.url(), dev.instanceha.ops.model.Secret.of(maas.apiKey()), 20)),
                ClusterOptions.DEFAULTS);
    }

    private static Lab.Result run(String... cmd) {
        return Lab.exec(Duration.ofSeconds(120), cmd);
    }
}
