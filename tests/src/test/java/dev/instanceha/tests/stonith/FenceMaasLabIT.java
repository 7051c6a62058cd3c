package dev.instanceha.tests.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.tests.lab.Cluster;
import dev.instanceha.tests.lab.Fencing;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.LabTest;
import dev.instanceha.tests.lab.MaasSim;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fence_maas on the real lab cluster: pacemaker-fenced runs this build's agent against the MAAS
 * simulator, whose power_off really takes the namespace host down. Fail-safe: a machine that never
 * reaches "off" is a failed fence, and the host stays in the cluster.
 */
@LabTest(computes = 3)
class FenceMaasLabIT {
    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(120);
    private static Fencing fencing;
    private static MaasSim maas;
    private static Cluster cluster;

    @BeforeAll
    static void enableFencing(Lab lab, MaasSim sim, Cluster labCluster) throws Exception {
        maas = sim;
        cluster = labCluster;
        maas.powerDelay(0);
        for (String host : List.of("compute1", "compute2", "compute3")) {
            cluster.awaitOnline(host, true, Duration.ofSeconds(90));
        }
        fencing = Fencing.enable(lab, maas);
        fencing.clearHistory();
    }

    @AfterEach
    void everyHostBackOn() throws Exception {
        maas.powerDelay(0);
        for (String host : List.of("compute1", "compute2", "compute3")) {
            cluster.bringBack(maas, host, Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void disableFencing() {
        if (fencing != null) {
            fencing.close();
        }
    }

    @Test
    void theApiKeyReachesTheAgentOnlyThroughARootOnlyFile(Lab lab) throws Exception {
        var perms = Files.getPosixFilePermissions(lab.runDir().resolve(Lab.MAAS_KEY_FILE));
        assertFalse(
                perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ),
                "the MAAS key file must not be readable by group or others: " + perms);
        String cib = fencing.cib();
        assertTrue(cib.contains("api_key_file"), "the stonith resource names the key file: " + cib);
        assertFalse(cib.contains(maas.apiKey().split(":")[2]), "the CIB (readable by haclient) must not hold the key");
    }

    @Test
    void stonithAdminFenceReportsSuccessOnlyOnceMaasHasTheMachineOff() throws Exception {
        for (double delay : new double[] {0, 5}) {
            if (delay > 0) {
                everyHostBackOn();
            }
            maas.powerDelay(delay);
            maas.clearOperations();
            Fencing.FenceResult r = fencing.fence("compute1", FENCE_TIMEOUT);
            System.out.printf(
                    "FENCE-LATENCY stonith_admin --fence compute1 with simulator delay %.0f s: %d ms%n",
                    delay, r.took().toMillis());
            assertTrue(r.succeeded(), "fencing compute1 failed: " + r.output());
            assertEquals("off", maas.powerState("compute1"), "success may only be reported with the machine off");
            assertTrue(maas.powerOperations("compute1").contains("power_off"), "MAAS got no power_off");
            assertTrue(r.took().toMillis() >= delay * 1000, "confirmed off before the BMC could have done it");
            assertTrue(fencing.history("compute1").contains("successful"), fencing.history("compute1"));
            cluster.awaitOnline("compute1", false, Duration.ofSeconds(60));
            assertTrue(cluster.crmMon().cluster().online("compute2"), "only the fenced host goes");
        }
    }

    @Test
    void aRemoteHostThatLosesItsLinkIsFencedByTheClusterItself() throws Exception {
        maas.clearOperations();
        Instant cut = Instant.now();
        cluster.cutLink("compute2");
        String history = fencing.awaitHistory("compute2", "successful", Duration.ofSeconds(120));
        System.out.println("FENCE-AFTER-CUT compute2 fenced "
                + Duration.between(cut, Instant.now()).toMillis() + " ms after its link was cut:\n" + history);
        // pacemaker's default stonith-action is reboot: fence_maas powers off, waits for MAAS to confirm
        // off, then powers on; the lab's power_off really killed the host's pacemaker-remoted.
        List<String> ops = maas.powerOperations("compute2");
        assertTrue(history.contains("reboot of compute2 successful"), history);
        assertEquals(
                "power_off", ops.isEmpty() ? "none" : ops.get(0), "the cluster did not fence through MAAS: " + ops);
        assertTrue(ops.indexOf("power_on") > ops.indexOf("power_off"), "a reboot powers on only after off: " + ops);
        cluster.awaitOnline("compute2", true, Duration.ofSeconds(120));
    }

    @Test
    void aMachineThatNeverReachesOffIsAFailedFenceAndTheHostStays() throws Exception {
        maas.failure("compute3", "never_off");
        Fencing.FenceResult r = fencing.fence("compute3", FENCE_TIMEOUT);
        System.out.println("FENCE-FAILURE reported after " + r.took().toMillis() + " ms: "
                + r.output().strip());
        assertFalse(r.succeeded(), "a machine that never powers off must not count as fenced: " + r.output());
        assertTrue(fencing.history("compute3").contains("failed"), fencing.history("compute3"));
        assertFalse(fencing.history("compute3").contains("successful"), fencing.history("compute3"));
        assertEquals("on", maas.powerState("compute3"));
        assertTrue(
                cluster.crmMon().cluster().online("compute3"), "the simulator never powered it off, so it is still up");
    }
}
