package dev.instanceha.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The MAAS simulator wired into the lab: power_off really takes a pacemaker-remote host down. */
@LabTest(computes = 3)
class LabMaasIT {
    @Test
    void wrongKeyIsRefused(MaasSim maas) {
        String[] k = maas.apiKey().split(":");
        String wrong = k[0] + ":" + k[1] + ":" + "0".repeat(k[2].length());
        assertEquals(401, maas.call("GET", "machines/?hostname=compute1", wrong).status());
        assertEquals(
                200,
                maas.call("GET", "machines/?hostname=compute1", maas.apiKey()).status());
    }

    @Test
    void powerOffTakesTheHostOutOfTheClusterAndPowerOnBringsItBack(MaasSim maas, Cluster cluster, NovaSim nova)
            throws Exception {
        cluster.awaitOnline("compute1", true, Duration.ofSeconds(60));
        maas.powerOff("compute1").expect(200);
        try {
            Cluster.Timed<CrmMonView> off = cluster.awaitOnline("compute1", false, Duration.ofSeconds(60));
            System.out.println("compute1 offline " + off.took().toMillis() + " ms after MAAS power_off");
            assertTrue(off.value().cluster().online("compute2"), "only the powered-off host goes");
            Poll.until(
                    Duration.ofSeconds(30),
                    Duration.ofMillis(500),
                    () -> maas.powerState("compute1"),
                    "off"::equals,
                    state -> "MAAS still reports compute1 " + state + " 30 s after power_off");
            assertEquals("off", maas.powerState("compute1"));
            assertEquals("down", nova.service("compute1").get("state").asText(), "nova sees the host's service down");
        } finally {
            maas.powerOn("compute1").expect(200);
        }
        Cluster.Timed<CrmMonView> on = cluster.awaitOnline("compute1", true, Duration.ofSeconds(90));
        System.out.println("compute1 online " + on.took().toMillis() + " ms after MAAS power_on");
        assertEquals("up", nova.service("compute1").get("state").asText());
    }
}
