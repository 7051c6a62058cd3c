package dev.instanceha.hacluster.corosync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorosyncConfTest {
    static List<CorosyncNode> nodes(int n) {
        List<CorosyncNode> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) { // deliberately unsorted
            out.add(new CorosyncNode(1000 + i, "juju-m-" + i, "10.5.0." + (10 + i)));
        }
        return out;
    }

    static String render(int n, Transport t) {
        return CorosyncConf.render(
                new CorosyncSettings("hacluster", t, nodes(n), "226.94.1.1", 5405, Optional.empty(), false));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void nodelistHasEveryMemberSortedByNodeId(int n) {
        String conf = render(n, Transport.KNET);
        assertEquals(n, conf.split("\n    node \\{", -1).length - 1, conf);
        int last = -1;
        for (int i = 0; i < n; i++) {
            int at = conf.indexOf("        ring0_addr: 10.5.0." + (10 + i) + "\n        name: juju-m-" + i
                    + "\n        nodeid: " + (1000 + i) + "\n");
            assertTrue(at > last, conf);
            last = at;
        }
        assertEquals(n == 2, conf.contains("two_node: 1"), "two_node only for exactly two members");
    }

    @Test
    void exactTextForThreeMembersOnKnet() {
        String conf = render(3, Transport.KNET);
        assertTrue(
                conf.startsWith(CorosyncConf.HEADER + "totem {\n    version: 2\n    cluster_name: hacluster\n"
                        + "    transport: knet\n    token: 3000\n    join: 60\n    consensus: 3600\n"
                        + "    crypto_cipher: aes256\n    crypto_hash: sha256\n    interface {\n        linknumber: 0\n"
                        + "        mcastport: 5405\n    }\n}\n\nquorum {\n    provider: corosync_votequorum\n}\n"),
                conf);
        assertTrue(conf.contains(
                "logging {\n    fileline: off\n    to_stderr: no\n    to_logfile: no\n    to_syslog: yes\n"));
        assertEquals(
                conf.chars().filter(c -> c == '{').count(),
                conf.chars().filter(c -> c == '}').count(),
                "balanced");
    }

    @Test
    void onlyKnetEncrypts() {
        assertTrue(render(3, Transport.UDPU).contains("transport: udpu\n"));
        assertTrue(render(3, Transport.UDPU).contains("crypto_cipher: none\n    crypto_hash: none\n"));
        assertFalse(render(3, Transport.UDPU).contains("mcastaddr"));
    }

    @Test
    void multicastNamesItsGroup() {
        String conf = CorosyncConf.render(
                new CorosyncSettings("hacluster", Transport.UDP, nodes(3), "239.1.2.3", 4440, Optional.of(1400), true));
        assertTrue(conf.contains("transport: udp\n"));
        assertTrue(conf.contains("mcastaddr: 239.1.2.3\n        mcastport: 4440\n"), conf);
        assertTrue(conf.contains("netmtu: 1400\n"));
        assertTrue(conf.contains("    debug: on\n"));
    }

    @Test
    void sameMembersInAnyOrderRenderTheSameFile() {
        List<CorosyncNode> reversed = new ArrayList<>(nodes(3));
        java.util.Collections.reverse(reversed);
        assertEquals(
                render(3, Transport.KNET),
                CorosyncConf.render(new CorosyncSettings(
                        "hacluster", Transport.KNET, reversed, "226.94.1.1", 5405, Optional.empty(), false)));
    }

    @Test
    void nodeIdsComeFromUnitNumbers() {
        assertEquals(1000, CorosyncNode.idForUnit("hacluster/0"));
        assertEquals(1017, CorosyncNode.idForUnit("masakari-hacluster/17"));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CorosyncNode(1000, "juju-m-0", "not-an-ip"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CorosyncSettings(
                        "bad name", Transport.KNET, nodes(1), "226.94.1.1", 5405, Optional.empty(), false));
        List<CorosyncNode> dup =
                List.of(new CorosyncNode(1000, "a", "10.0.0.1"), new CorosyncNode(1000, "b", "10.0.0.2"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CorosyncSettings("c", Transport.KNET, dup, "226.94.1.1", 5405, Optional.empty(), false));
    }

    @Test
    void transportNamesIncludeUpstreams() {
        assertEquals(Optional.of(Transport.UDPU), Transport.parse("unicast"));
        assertEquals(Optional.of(Transport.UDP), Transport.parse("multicast"));
        assertEquals(Optional.of(Transport.KNET), Transport.parse("KNET"));
        assertEquals(Optional.empty(), Transport.parse("tcp"));
    }
}
