package dev.instanceha.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.cluster.ClusterNode;
import dev.instanceha.hostmonitor.cluster.NodeType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real corosync + pacemaker with real pacemaker-remoted hosts in network namespaces. */
@LabTest(computes = 3)
class LabClusterIT {
    private final Cluster cluster;

    LabClusterIT(Cluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void oneMemberAndThreeRemoteHostsAreOnline() throws Exception {
        for (String h : new String[] {"compute1", "compute2", "compute3"}) {
            cluster.awaitOnline(h, true, Duration.ofSeconds(60));
        }
        CrmMonView s = cluster.crmMon();
        assertTrue(s.cluster().quorate(), "one-node cluster has quorum");
        assertEquals(Cluster.MEMBER, s.cluster().dcName().orElse(null));
        ClusterNode member = s.cluster().node(Cluster.MEMBER).orElseThrow();
        assertTrue(member.online());
        assertEquals(NodeType.MEMBER, member.type());
        for (String h : new String[] {"compute1", "compute2", "compute3"}) {
            ClusterNode n = s.cluster()
                    .node(h)
                    .orElseThrow(() ->
                            new AssertionError(h + " missing: " + s.cluster().nodes()));
            assertTrue(n.online(), h + " online");
            assertEquals(NodeType.REMOTE, n.type(), h);
            assertFalse(n.unclean(), h);
        }
        assertTrue(
                s.xml().contains("resource_agent=\"ocf:pacemaker:remote\""),
                "hosts are ocf:pacemaker:remote resources");
    }

    @Test
    void aRemoteHostSeesTheClusterThroughItsOwnDaemon() {
        assertEquals(
                "compute1",
                cluster.execOn("compute1", Duration.ofSeconds(10), "hostname").strip());
        assertTrue(cluster.execOn("compute1", Duration.ofSeconds(10), "ip", "-o", "-4", "addr", "show", "eth0")
                .contains(Cluster.address("compute1") + "/16"));
        CrmMonView inside = cluster.crmMonOn("compute1");
        assertTrue(
                inside.cluster().online("compute1"),
                "crm_mon inside compute1 (proxied by pacemaker-remoted): "
                        + inside.cluster().nodes());
        assertEquals(Cluster.MEMBER, inside.cluster().dcName().orElse(null));
    }

    @Test
    void cuttingAHostsLinkTakesItOfflineAndRestoringBringsItBack() throws Exception {
        cluster.awaitOnline("compute3", true, Duration.ofSeconds(60));
        cluster.cutLink("compute3");
        try {
            Cluster.Timed<CrmMonView> off = cluster.awaitOnline("compute3", false, Duration.ofSeconds(60));
            System.out.println("compute3 offline " + off.took().toMillis() + " ms after its link was cut");
            assertTrue(off.value().cluster().online("compute1"), "the other hosts stay online");
            assertTrue(off.value().cluster().online(Cluster.MEMBER));
        } finally {
            cluster.restoreLink("compute3");
        }
        Cluster.Timed<CrmMonView> on = cluster.awaitOnline("compute3", true, Duration.ofSeconds(90));
        System.out.println("compute3 online " + on.took().toMillis() + " ms after its link was restored");
    }

    @Test
    void killingAHostsRemoteDaemonTakesItOfflineAndStartingBringsItBack() throws Exception {
        cluster.awaitOnline("compute2", true, Duration.ofSeconds(60));
        cluster.killHost("compute2");
        try {
            Cluster.Timed<CrmMonView> off = cluster.awaitOnline("compute2", false, Duration.ofSeconds(60));
            System.out.println("compute2 offline " + off.took().toMillis() + " ms after power off");
        } finally {
            cluster.startHost("compute2");
        }
        cluster.awaitOnline("compute2", true, Duration.ofSeconds(90));
    }
}
