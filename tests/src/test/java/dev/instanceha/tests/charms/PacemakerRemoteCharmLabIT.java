package dev.instanceha.tests.charms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import dev.instanceha.remote.PacemakerRemoteCharm;
import dev.instanceha.tests.lab.Cluster;
import dev.instanceha.tests.lab.CrmMonView;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.LabTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pacemaker-remote charm's authkey against the real cluster: the charm, driven through the testing
 * kit with hacluster's relation data, writes /etc/pacemaker/authkey; a real pacemaker-remoted started
 * with exactly that file on a lab host joins the lab's corosync/pacemaker cluster. With the key from a
 * different cluster it does not: a failing proof, not a passing one.
 */
@LabTest(computes = 3)
class PacemakerRemoteCharmLabIT {
    private static final Path CHARM_DIR = Path.of("../charm-pacemaker-remote/src/main/charm");
    private static final String HOST = "compute3";

    @Test
    void theKeyTheCharmWritesLetsARemoteJoinTheRealClusterAndAnotherClustersKeyDoesNot(
            Lab lab, Cluster cluster, @TempDir Path dir) throws Exception {
        byte[] clusterKey = Files.readAllBytes(Path.of("/etc/pacemaker/authkey"));
        byte[] otherClusterKey = new byte[clusterKey.length];
        new Random(42).nextBytes(otherClusterKey);
        Path good = keyWrittenByTheCharm(clusterKey, dir.resolve("good-authkey"));
        Path wrong = keyWrittenByTheCharm(otherClusterKey, dir.resolve("wrong-authkey"));
        cluster.awaitOnline(HOST, true, Duration.ofSeconds(90));
        try {
            restartRemote(lab, wrong);
            // While its connection resource is "Starting", pacemaker 2.1.5 shows a remote online for a
            // moment; joined means online in two readings a second apart.
            java.util.concurrent.atomic.AtomicBoolean before = new java.util.concurrent.atomic.AtomicBoolean();
            Awaitility.await()
                    .during(Duration.ofSeconds(30))
                    .atMost(Duration.ofSeconds(40))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .pollInSameThread()
                    .until(() -> {
                        boolean now = cluster.crmMon().cluster().online(HOST);
                        assertFalse(before.get() && now, "a remote with another cluster's key must not join");
                        before.set(now);
                        return true;
                    });
            restartRemote(lab, good);
            Cluster.Timed<CrmMonView> joined = cluster.awaitOnline(HOST, true, Duration.ofSeconds(90));
            System.out.println(HOST + " joined with the charm's authkey in "
                    + joined.took().toMillis() + " ms");
        } finally {
            restartRemote(lab, null);
            cluster.awaitOnline(HOST, true, Duration.ofSeconds(90));
        }
    }

    /** Runs the charm with hacluster's key on the relation; copies the authkey it wrote (checked 0440) to {@code out}. */
    private static Path keyWrittenByTheCharm(byte[] key, Path out) throws Exception {
        FakeHost host = new FakeHost()
                .withServiceManager("sysvinit")
                .withFile(Path.of("/etc/init.d/pacemaker_remote"), "#!/bin/sh\n", FileSpec.root(0755))
                .onCommand("hostname --fqdn", 0, HOST + ".maas\n");
        Map<String, String> addresses = Map.of("private-address", "10.251.0.1", "ingress-address", "10.251.0.1");
        Map<String, String> hacluster = new java.util.HashMap<>(addresses);
        hacluster.put("pacemaker-key", Base64.getEncoder().encodeToString(key));
        State state = State.of("pacemaker-remote/0")
                .withAddress(Cluster.address(HOST))
                .withRelation(
                        RelationState.of("juju-info", 1, "nova-compute").withRemoteUnit("nova-compute/0", addresses))
                .withRelation(
                        RelationState.of("pacemaker-remote", 2, "hacluster").withRemoteUnit("hacluster/0", hacluster));
        Result result =
                new CharmTestContext(PacemakerRemoteCharm::new, CHARM_DIR).run(Event.configChanged(), state, host);
        assertEquals(
                StatusLevel.ACTIVE,
                result.unitStatus().level(),
                result.unitStatus().message());
        FakeHost.FakeFile written = host.file(Path.of("/etc/pacemaker/authkey")).orElseThrow();
        assertEquals(0440, written.spec().mode(), "authkey mode");
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r--------")));
        Files.write(out, written.content());
        return out;
    }

    /** A planned stop of the host's pacemaker-remoted, then a start with {@code authkey} (null: the lab's own). */
    private static void restartRemote(Lab lab, Path authkey) {
        Lab.Result stop = lab.script(Duration.ofMinutes(2), true, "host-power", "stop", HOST);
        assertEquals(0, stop.exitCode(), stop.output());
        Map<String, String> env = authkey == null ? Map.of() : Map.of("LAB_REMOTE_AUTHKEY", authkey.toString());
        Lab.Result on = lab.script(Duration.ofMinutes(2), true, env, "host-power", "on", HOST);
        assertEquals(0, on.exitCode(), on.output());
    }
}
