package dev.instanceha.hostmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Fixtures are real crm_mon 2.1.5 output; see src/test/fixtures/generate-crm-mon-fixtures.sh. */
class CrmMonXmlParserTest {

    private final CrmMonXmlParser parser = new CrmMonXmlParser();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = CrmMonXmlParserTest.class.getResourceAsStream("/crm_mon/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name + " (run src/test/fixtures/generate-crm-mon-fixtures.sh)");
            }
            return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
    }

    private ClusterSnapshot parse(String name) throws Exception {
        return parser.parse(fixture(name));
    }

    private static Map<String, ClusterNode> byName(ClusterSnapshot s) {
        return s.nodes().stream().collect(Collectors.toMap(ClusterNode::name, Function.identity()));
    }

    @Test
    void healthyClusterHasMembersRemotesAndAGuestAllOnline() throws Exception {
        ClusterSnapshot s = parse("healthy.xml");
        Map<String, ClusterNode> n = byName(s);
        assertTrue(s.dcPresent());
        assertTrue(s.quorate());
        assertTrue(s.authoritative());
        assertFalse(s.maintenanceMode());
        assertEquals(6, s.nodes().size(), "resource and history <node> elements must not be counted");
        assertEquals(NodeType.MEMBER, n.get("node-1").type());
        assertEquals(NodeType.REMOTE, n.get("compute-1.maas").type());
        assertEquals(NodeType.GUEST, n.get("guest-1").type());
        assertTrue(s.nodes().stream().allMatch(ClusterNode::online));
        assertTrue(s.nodes().stream().noneMatch(ClusterNode::unclean));
        assertFalse(s.fenceHistoryKnown());
    }

    @Test
    void outputAsXmlGivesTheSameViewAsLegacyXml() throws Exception {
        assertEquals(parse("healthy.xml").nodes(), parse("healthy-api.xml").nodes());
        assertTrue(parse("healthy-api.xml").authoritative());
    }

    @Test
    void lostRemoteIsUncleanAndOffline() throws Exception {
        ClusterNode c1 = byName(parse("remote-unclean.xml")).get("compute-1.maas");
        assertTrue(c1.unclean());
        assertFalse(c1.online());
        assertTrue(byName(parse("remote-unclean.xml")).get("compute-2.maas").online());
    }

    @Test
    void fencedRemoteIsOfflineAndClean() throws Exception {
        ClusterNode c1 = byName(parse("remote-fenced.xml")).get("compute-1.maas");
        assertFalse(c1.online());
        assertFalse(c1.unclean());
    }

    @Test
    void fenceHistoryIsReadWithPacemakerTimeFormat() throws Exception {
        ClusterSnapshot s = parse("remote-fenced-history.xml");
        assertTrue(s.fenceHistoryKnown());
        assertEquals(1, s.fenceHistory().size());
        FenceEvent e = s.fenceHistory().get(0);
        assertEquals("compute-1.maas", e.target());
        assertEquals(FenceEvent.Status.SUCCESS, e.status());
        assertEquals("node-2", e.delegate());
        assertEquals(Optional.of(Instant.parse("2026-11-24T10:00:05Z")), e.completed());
        assertTrue(s.fencedSince("COMPUTE-1.maas", Instant.parse("2026-11-24T10:00:00Z")).isPresent());
        assertTrue(s.fencedSince("compute-1.maas", Instant.parse("2026-11-24T10:00:06Z")).isEmpty(), "older fence must not count");
        assertTrue(s.fencedSince("compute-2.maas", Instant.EPOCH).isEmpty());
    }

    @Test
    void failedFenceDoesNotConfirmAnything() throws Exception {
        ClusterSnapshot s = parse("remote-fence-failed.xml");
        assertEquals(FenceEvent.Status.FAILED, s.fenceHistory().get(0).status());
        assertTrue(s.fencedSince("compute-1.maas", Instant.EPOCH).isEmpty());
    }

    @Test
    void failedMemberIsUncleanAndItsGuestGoesDown() throws Exception {
        Map<String, ClusterNode> n = byName(parse("member-unclean.xml"));
        assertTrue(n.get("node-3").unclean());
        assertEquals(NodeType.MEMBER, n.get("node-3").type());
        assertFalse(n.get("guest-1").online());
    }

    @Test
    void noQuorumIsNotAuthoritative() throws Exception {
        ClusterSnapshot s = parse("no-quorum.xml");
        assertTrue(s.dcPresent());
        assertFalse(s.quorate());
        assertFalse(s.authoritative());
    }

    @Test
    void pendingNodeIsNotMistakenForStandby() throws Exception {
        ClusterNode n2 = byName(parse("pending.xml")).get("node-2");
        assertTrue(n2.pending());
        assertTrue(n2.standby(), "crm_mon reports pending nodes as standby");
        assertFalse(n2.administrativelyDown());
    }

    @Test
    void maintenanceAndStandbyAreAdministrative() throws Exception {
        ClusterNode c2 = byName(parse("maintenance.xml")).get("compute-2.maas");
        assertTrue(c2.maintenance());
        assertTrue(c2.administrativelyDown());
        ClusterNode n2 = byName(parse("standby.xml")).get("node-2");
        assertTrue(n2.standby());
        assertTrue(n2.administrativelyDown());
        assertFalse(byName(parse("standby.xml")).get("node-1").administrativelyDown());
    }

    @Test
    void cleanRemoteShutdownShowsTheShutdownFlagBeforeAndAfter() throws Exception {
        ClusterNode before = byName(parse("remote-shutdown.xml")).get("compute-2.maas");
        assertTrue(before.online());
        assertTrue(before.shutdown());
        ClusterNode after = byName(parse("remote-stopped.xml")).get("compute-2.maas");
        assertFalse(after.online());
        assertFalse(after.unclean());
        assertTrue(after.shutdown());
    }

    @Test
    void thousandNodeDocument() throws Exception {
        ClusterSnapshot s = parse("nodes-1000.xml.gz");
        assertEquals(1000, s.nodes().size());
        assertEquals(997, s.nodes().stream().filter(n -> n.type() == NodeType.REMOTE && n.online()).count());
        assertEquals(3, s.nodes().stream().filter(n -> n.type() == NodeType.MEMBER).count());
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE crm_mon [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<crm_mon version=\"2.1.5\"><nodes><node name=\"&x;\" type=\"remote\" online=\"true\"/></nodes></crm_mon>";
        assertThrows(ClusterSourceException.class, () -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void notCrmMonOutputIsAnError() {
        assertThrows(ClusterSourceException.class, () -> parser.parse("<cib/>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ClusterSourceException.class, () -> parser.parse("Error: connection refused".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ClusterSourceException.class, () -> parser.parse("<crm_mon version=\"2.1.5\"><summary/></crm_mon>"
                .getBytes(StandardCharsets.UTF_8)), "no <nodes> section");
    }

    @Test
    void pacemakerResultWithErrorStatusIsAnError() {
        String failed = "<pacemaker-result api-version=\"2.25\" request=\"crm_mon\"><status code=\"102\" message=\"Not connected\"/></pacemaker-result>";
        ClusterSourceException e = assertThrows(ClusterSourceException.class, () -> parser.parse(failed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("Not connected"));
    }

    @Test
    void stonithAdminHistoryListIsReadToo() throws Exception {
        String history = "<pacemaker-result api-version=\"2.25\" request=\"stonith_admin --history *\"><fence_history>"
                + "<fence_event action=\"off\" target=\"compute-9\" client=\"stonith_admin.1\" origin=\"node-1\" status=\"success\""
                + " completed=\"2026-11-24 11:00:05 +01:00\"/></fence_history><status code=\"0\" message=\"OK\"/></pacemaker-result>";
        ClusterSnapshot s = parser.parse(history.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(Instant.parse("2026-11-24T10:00:05Z")), s.fenceHistory().get(0).completed());
    }

    @Test
    void pacemakerTimeFormats() {
        assertEquals(Optional.of(Instant.parse("2026-11-24T10:00:05Z")), CrmMonXmlParser.time("2026-11-24 10:00:05Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-24T08:30:05Z")), CrmMonXmlParser.time("2026-11-24 10:30:05 +02:00"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1795543588)), CrmMonXmlParser.time("1795543588"));
        assertEquals(Optional.empty(), CrmMonXmlParser.time("yesterday"));
        assertEquals(Optional.empty(), CrmMonXmlParser.time(null));
    }

    @Test
    void failedActionsAreReadWithTheirResource() throws Exception {
        ClusterSnapshot s = parse("nostonith-remote-lost.xml");
        ResourceFailure f = s.failures().get(0);
        assertEquals("compute-1.maas", f.resource());
        assertEquals("monitor", f.task());
        assertEquals("node-1", f.node());
        assertTrue(f.lastRcChange().isPresent());
        ClusterNode c1 = byName(s).get("compute-1.maas");
        assertFalse(c1.unclean(), "without fencing a lost remote is not unclean");
        assertFalse(c1.online());
        assertTrue(s.connectionLostSince(c1, Instant.parse("2026-11-24T00:00:00Z")).isPresent());
        assertTrue(s.connectionLostSince(byName(s).get("compute-2.maas"), Instant.EPOCH).isEmpty());
    }

    @Test
    void guestConnectionIsItsContainerResource() throws Exception {
        assertEquals(Optional.of("vm-guest-1"), byName(parse("healthy.xml")).get("guest-1").connectionResource());
        assertEquals(Optional.of("compute-1.maas"), byName(parse("healthy.xml")).get("compute-1.maas").connectionResource());
        assertEquals(Optional.empty(), byName(parse("healthy.xml")).get("node-1").connectionResource());
    }
}
