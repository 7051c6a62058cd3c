package dev.instanceha.hacluster;

import dev.instanceha.interfaces.hacluster.HaClusterRequirer;
import dev.instanceha.interfaces.hacluster.HaResources;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.FixedEndpoint;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Relation data as the real peers send it: masakari's ha request built with the same
 * HaClusterRequirer masakari uses (upstream's res_masakari_* names), pacemaker-remote
 * announcements as charm-pacemaker-remote publishes them (JSON-encoded).
 */
final class Fixtures {
    static final String VIP = "10.5.100.1";
    static final String VIP_RESOURCE = "res_masakari_0ab3c1e_vip";
    static final String MAAS_URL = "http://maas.example:5240/MAAS";
    static final String MAAS_KEY = "Kq9ZbT2xHc7LmPa4Wd:Vn3RtY8uJe5GsQh1Xk:Pw6BzN4cMf9LaTr2EvYu7HjKd3Sx5QgZ";
    static final String COROSYNC_KEY =
            java.util.Base64.getEncoder().encodeToString(new byte[200]).replace('A', 'c');
    static final String PACEMAKER_KEY =
            java.util.Base64.getEncoder().encodeToString("pacemaker-secret-material-123".getBytes());

    private Fixtures() {}

    /** masakari with one VIP (upstream shape: IPaddr2 in grp_masakari_vips) and the haproxy clone. */
    static HaResources masakari() {
        return HaResources.builder()
                .primitive(
                        VIP_RESOURCE,
                        "ocf:heartbeat:IPaddr2",
                        "params ip=\"" + VIP + "\" cidr_netmask=\"24\" "
                                + "nic=\"eth0\" meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" "
                                + "op monitor timeout=\"20s\" interval=\"10s\" depth=\"0\"")
                .group("grp_masakari_vips", List.of(VIP_RESOURCE))
                .primitive(
                        "res_masakari_haproxy",
                        "lsb:haproxy",
                        "meta migration-threshold=\"INFINITY\" failure-timeout=\"5s\" op monitor interval=\"5s\"")
                .clone("cl_res_masakari_haproxy", "res_masakari_haproxy")
                .initService("haproxy")
                .build();
    }

    static Map<String, String> addresses(String ip) {
        return RelationState.addressKeys(ip);
    }

    static RelationState ha(HaResources resources) {
        Map<String, String> data = addresses("10.5.0.50");
        FixedEndpoint principalSide = FixedEndpoint.of(HaClusterRequirer.ENDPOINT);
        new HaClusterRequirer(principalSide).request(resources, Optional.of("eth0"), 4440);
        data.putAll(principalSide.published());
        return RelationState.of("ha", 3, "masakari").withRemoteUnit("masakari/0", data);
    }

    /** hanode peers hacluster/1.. ready, with upstream's keys; app data holds the leader's keys when given. */
    static RelationState peers(int peerCount, Map<String, String> appData) {
        RelationState r = RelationState.of("hanode", 1, "hacluster").withLocalAppData(appData);
        for (int i = 1; i <= peerCount; i++) {
            Map<String, String> data = addresses("10.5.0." + (10 + i));
            data.put("hostname", "juju-m-" + i);
            data.put("ready", "True");
            r = r.withRemoteUnit("hacluster/" + i, data);
        }
        return r;
    }

    static Map<String, String> sharedKeys() {
        return Map.of("corosync-key", COROSYNC_KEY, "pacemaker-key", PACEMAKER_KEY);
    }

    static RelationState remotes(RemoteNode... nodes) {
        RelationState r = RelationState.of("pacemaker-remote", 7, "pacemaker-remote");
        for (int i = 0; i < nodes.length; i++) {
            Map<String, String> data = addresses(nodes[i].ip());
            data.putAll(nodes[i].unitData());
            r = r.withRemoteUnit("pacemaker-remote/" + i, data);
        }
        return r;
    }

    static RemoteNode compute(int n, boolean stonith, boolean enableResources) {
        String name = "compute-" + n + ".maas";
        return new RemoteNode(name, "10.5.1." + n, stonith ? Optional.of(name) : Optional.empty(), enableResources);
    }

    /** The leader of a three-unit cluster related to masakari; keys from config. */
    static State leader() {
        return State.of("hacluster/0")
                .withLeader(true)
                .withAddress("10.5.0.10")
                .withRelation(peers(2, Map.of()))
                .withRelation(ha(masakari()));
    }

    /** A machine with the packages' services present and pacemaker's CLI wired to {@code cib}. */
    static FakeHost host(FakeCib cib) {
        FakeHost host = new FakeHost().onCommand("uname -n", 0, "juju-m-0\n");
        return cib.attach(host);
    }

    static FakeHost hostWithFenceAgent(FakeCib cib) {
        return host(cib).withFile(Path.of("/usr/sbin/fence_maas"), "#!/bin/sh\n", FileSpec.root(0755));
    }
}
