package dev.instanceha.hostmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures are real crm_mon 2.1.5 output; see src/test/fixtures/generate-crm-mon-fixtures.sh. */
class CrmMonXmlParserTest {

    private final CrmMonXmlParser parser = new CrmMonXmlParser();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = CrmMonXmlParserTest.class.getResourceAsStream("/crm_mon/" + name)) {
            if (in == null) {
                throw new IOException(
                        "missing fixture " + name + " (run src/test/fixtures/generate-crm-mon-fixtures.sh)");
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
        assertTrue(s.fencedSince("COMPUTE-1.maas", Instant.parse("2026-11-24T10:00:00Z"))
                .isPresent());
        assertTrue(
                s.fencedSince("compute-1.maas", Instant.parse("2026-11-24T10:00:06Z"))
                        .isEmpty(),
                "older fence must not count");
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
        assertEquals(
                997,
                s.nodes().stream()
                        .filter(n -> n.type() == NodeType.REMOTE && n.online())
                        .count());
        assertEquals(
                3, s.nodes().stream().filter(n -> n.type() == NodeType.MEMBER).count());
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
        assertThrows(
                ClusterSourceException.class,
                () -> parser.parse("Error: connection refused".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                ClusterSourceException.class,
                () -> parser.parse("<crm_mon version=\"2.1.5\"><summary/></crm_mon>".getBytes(StandardCharsets.UTF_8)),
                "no <nodes> section");
    }

    @Test
    void pacemakerResultWithErrorStatusIsAnError() {
        String failed =
                "<pacemaker-result api-version=\"2.25\" request=\"crm_mon\"><status code=\"102\" message=\"Not connected\"/></pacemaker-result>";
        ClusterSourceException e =
                assertThrows(ClusterSourceException.class, () -> parser.parse(failed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("Not connected"));
    }

    @Test
    void stonithAdminHistoryListIsReadToo() throws Exception {
        String history = "<pacemaker-result api-version=\"2.25\" request=\"stonith_admin --history *\"><fence_history>"
                + "<fence_event action=\"off\" target=\"compute-9\" client=\"stonith_admin.1\" origin=\"node-1\" status=\"success\""
                + " completed=\"2026-11-24 11:00:05 +01:00\"/></fence_history><status code=\"0\" message=\"OK\"/></pacemaker-result>";
        ClusterSnapshot s = parser.parse(history.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T10:00:05Z")),
                s.fenceHistory().get(0).completed());
    }

    @Test
    void pacemakerTimeFormats() {
        assertEquals(Optional.of(Instant.parse("2026-11-24T10:00:05Z")), CrmMonXmlParser.time("2026-11-24 10:00:05Z"));
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T08:30:05Z")), CrmMonXmlParser.time("2026-11-24 10:30:05 +02:00"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1795543588)), CrmMonXmlParser.time("1795543588"));
        assertEquals(Optional.empty(), CrmMonXmlParser.time("yesterday"));
        assertEquals(Optional.empty(), CrmMonXmlParser.time(null));
    }

    /** Every form pacemaker 2.0-3.0 writes (see PacemakerTime), and ISO/epoch forms other producers use. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-11-24 17:32:40Z                | 2026-11-24T17:32:40Z", // 2.0.3-2.1.5, zone UTC
                "2026-11-24 18:32:40 +01:00          | 2026-11-24T17:32:40Z", // 2.0.3-2.1.5, zone UTC+1
                "2026-11-24 12:02:40 -05:30          | 2026-11-24T17:32:40Z",
                "2026-11-24 17:32:40.123456Z         | 2026-11-24T17:32:40.123456Z", // 2.1.6-3.0 fence history
                "2026-11-24 18:32:40.123456 +01:00   | 2026-11-24T17:32:40.123456Z",
                "2026-11-24 17:32:40.000001Z         | 2026-11-24T17:32:40.000001Z",
                "2026-11-24T17:32:40Z                | 2026-11-24T17:32:40Z",
                "2026-11-24T17:32:40.5Z              | 2026-11-24T17:32:40.500Z",
                "2026-11-24T18:32:40.123456+01:00    | 2026-11-24T17:32:40.123456Z",
                "2026-11-24T18:32:40+0100            | 2026-11-24T17:32:40Z",
                "1795541560                          | 2026-11-24T17:32:40Z", // epoch seconds
                "1795541560.123456                   | 2026-11-24T17:32:40.123456Z", // epoch with usecs
                // (crm_time_epoch|usecs)
            })
    void everyPacemakerTimeFormatIsRead(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), PacemakerTime.parse(text, ZoneId.of("Asia/Tokyo")));
    }

    /** ctime() (2.0.1/2.0.2 fence and failure times) and zone-less ISO carry no zone: read as crm_mon's local time. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue Nov 24 18:32:40 2026   | Europe/Paris | 2026-11-24T17:32:40Z",
                "Wed Nov  4 18:32:40 2026   | Europe/Paris | 2026-11-04T17:32:40Z",
                "Tue Nov 24 17:32:40 2026   | UTC          | 2026-11-24T17:32:40Z",
                "2026-11-24 18:32:40        | Europe/Paris | 2026-11-24T17:32:40Z",
                "2026-11-24 18:32:40.25     | Europe/Paris | 2026-11-24T17:32:40.250Z",
            })
    void zoneLessTimesAreLocal(String text, String zone, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), PacemakerTime.parse(text, ZoneId.of(zone)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "yesterday",
                "<undefined time>",
                "2026-13-24 17:32:40Z",
                "2026-11-24 25:32:40Z",
                "2026-11-24 17:32:40 +25:00",
                "2026-11-24 17:32:40.1234567890Z",
                "Foo Bar 24 17:32:40 2026",
                "2026-11-24",
                "17:32:40",
                "99999999999999999999",
                "2026-11-24 17:32:40Zjunk"
            })
    void anythingElseIsUnreadable(String text) {
        assertEquals(Optional.empty(), PacemakerTime.parse(text, ZoneId.of("UTC")));
    }

    /** completed as each release prints it for the same instant (the per-release fixtures). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2.1.5-legacy     | UTC          | 2026-11-24T17:33:20Z        | crm_mon",
                "2.1.6-legacy     | UTC          | 2026-11-24T17:33:20.654321Z | crm_mon",
                "2.1.6-api-offset | Europe/Paris | 2026-11-24T17:33:20.654321Z | pacemaker-result",
                "3.0.0-api        | UTC          | 2026-11-24T17:33:20.654321Z | pacemaker-result",
            })
    void fenceHistoryOfEveryReleaseIsRead(String shape, String zone, String success, String root) throws Exception {
        ClusterSnapshot s =
                new CrmMonXmlParser(ZoneId.of(zone)).parse(fixture("versions/" + shape + "/fenced-after-failure.xml"));
        assertTrue(new String(fixture("versions/" + shape + "/fenced-after-failure.xml"), StandardCharsets.UTF_8)
                .startsWith("<" + root));
        assertTrue(s.fenceHistoryKnown());
        assertEquals(2, s.fenceHistory().size());
        FenceEvent ok = s.fenceHistory().get(0);
        FenceEvent failed = s.fenceHistory().get(1);
        assertEquals(FenceEvent.Status.SUCCESS, ok.status());
        assertEquals(Optional.of(Instant.parse(success)), ok.completed());
        assertEquals(FenceEvent.Status.FAILED, failed.status());
        assertTrue(failed.completed().isPresent(), "a failed fence's time is read too");
        assertEquals(
                Instant.parse("2026-11-24T17:32:40Z"),
                failed.completed().get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T17:32:32Z")),
                s.failures().get(0).lastRcChange());
        assertEquals("compute-1.maas", s.failures().get(0).resource());
        assertTrue(s.fencedSince("compute-1.maas", Instant.parse("2026-11-24T17:33:00Z"))
                .isPresent());
        assertTrue(s.fenceFailedSince("compute-1.maas", Instant.parse("2026-11-24T17:32:30Z"))
                .isPresent());
        ClusterSnapshot pending =
                new CrmMonXmlParser(ZoneId.of(zone)).parse(fixture("versions/" + shape + "/lost-pending.xml"));
        assertTrue(pending.fencePending("compute-1.maas").isPresent());
        assertTrue(byName(pending).get("compute-1.maas").unclean());
    }

    /** Pacemaker 2.0.1/2.0.2 wrote the event's state as {@code state} and its time with ctime(). */
    @Test
    void pacemaker201FenceEventsAreRead() throws Exception {
        String doc = "<crm_mon version=\"2.0.1\"><nodes/><fence_history>"
                + "<fence_event target=\"compute-1\" action=\"off\" state=\"success\" origin=\"node-1\" client=\"crmd.1\""
                + " delegate=\"node-2\" completed=\"Tue Nov 24 18:32:40 2026\" />"
                + "<fence_event target=\"compute-1\" action=\"off\" state=\"failed\" origin=\"node-1\" client=\"crmd.1\""
                + " completed=\"Tue Nov 24 18:32:30 2026\" /></fence_history></crm_mon>";
        ClusterSnapshot s = new CrmMonXmlParser(ZoneId.of("Europe/Paris")).parse(doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(FenceEvent.Status.SUCCESS, s.fenceHistory().get(0).status());
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T17:32:40Z")),
                s.fenceHistory().get(0).completed());
        assertEquals(FenceEvent.Status.FAILED, s.fenceHistory().get(1).status());
    }

    @Test
    void anUnknownFenceStatusIsTreatedAsPending() throws Exception {
        String doc = "<crm_mon version=\"9.9\"><nodes/><fence_history>"
                + "<fence_event target=\"compute-1\" action=\"off\" status=\"frobbed\" completed=\"2026-11-24 17:32:40Z\"/>"
                + "</fence_history></crm_mon>";
        ClusterSnapshot s = parser.parse(doc.getBytes(StandardCharsets.UTF_8));
        assertTrue(s.fencePending("compute-1").isPresent(), "unknown means not known to be done: hold");
        assertTrue(s.fencedSince("compute-1", Instant.EPOCH).isEmpty());
    }

    /** Fail-safe independent of parsing: an unreadable time never confirms, but a failure with one still holds. */
    @Test
    void unreadableTimesNeverConfirmButFailuresWithThemStillCount() throws Exception {
        String doc = "<pacemaker-result api-version=\"9.0\" request=\"crm_mon\"><nodes/><fence_history>"
                + "<fence_event action=\"reboot\" target=\"compute-1\" client=\"c\" origin=\"node-1\" status=\"success\" completed=\"24/11/2026 17h32\"/>"
                + "<fence_event action=\"reboot\" target=\"compute-1\" client=\"c\" origin=\"node-1\" status=\"failed\" completed=\"24/11/2026 17h31\"/>"
                + "<fence_event action=\"reboot\" target=\"compute-2\" client=\"c\" origin=\"node-1\" status=\"failed\"/>"
                + "</fence_history><status code=\"0\" message=\"OK\"/></pacemaker-result>";
        ClusterSnapshot s = parser.parse(doc.getBytes(StandardCharsets.UTF_8));
        Instant lastUp = Instant.parse("2026-11-24T17:30:00Z");
        assertTrue(
                s.fencedSince("compute-1", lastUp).isEmpty(), "a success without a readable time is no confirmation");
        assertTrue(
                s.fenceFailedSince("compute-1", lastUp).isPresent(),
                "a failure without a readable time may be the current one");
        assertTrue(s.fenceFailedSince("compute-2", lastUp).isPresent(), "nor does a missing time hide a failure");
        assertTrue(s.fenceFailedSince("compute-3", Instant.MIN).isEmpty());
    }

    @Test
    void stonithAdminHistoryListOfEveryReleaseIsRead() throws Exception {
        // stonith_admin --history '*' --verbose --output-as=xml: <list name="fencing history">, 2.1.6 on with
        // microseconds
        String history =
                "<pacemaker-result api-version=\"2.38\" request=\"stonith_admin --history * --verbose --output-as=xml\">"
                        + "<list name=\"fencing history\" count=\"2\">"
                        + "<fence_event action=\"reboot\" target=\"compute-9\" client=\"pacemaker-controld.1187\" origin=\"node-1\" status=\"success\""
                        + " delegate=\"node-2\" completed=\"2026-11-24 18:32:40.123456 +01:00\"/>"
                        + "<fence_event action=\"reboot\" target=\"compute-9\" client=\"pacemaker-controld.1187\" origin=\"node-1\" status=\"failed\""
                        + " exit-reason=\"Fence agent did not complete in time\" delegate=\"node-2\" completed=\"2026-11-24 17:31:00.5Z\"/>"
                        + "</list><status code=\"0\" message=\"OK\"/></pacemaker-result>";
        ClusterSnapshot s = parser.parse(history.getBytes(StandardCharsets.UTF_8));
        assertTrue(s.fenceHistoryKnown());
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T17:32:40.123456Z")),
                s.fenceHistory().get(0).completed());
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T17:31:00.500Z")),
                s.fenceHistory().get(1).completed());
        String empty = "<pacemaker-result api-version=\"2.38\" request=\"stonith_admin --history *\">"
                + "<list name=\"fencing history\" count=\"0\"/><status code=\"0\" message=\"OK\"/></pacemaker-result>";
        ClusterSnapshot none = parser.parse(empty.getBytes(StandardCharsets.UTF_8));
        assertTrue(none.fenceHistoryKnown(), "an empty history is an answer, not an error");
        assertTrue(none.fenceHistory().isEmpty());
    }

    @Test
    void aRemoteNodesConnectionResourceIsItsNameNotItsId() throws Exception {
        ClusterSnapshot s = parse("remote-node-id.xml");
        ClusterNode remote = byName(s).get("remote01");
        assertEquals("4", remote.id());
        assertEquals(NodeType.REMOTE, remote.type());
        assertEquals(Optional.of("remote01"), remote.connectionResource());
        assertTrue(
                s.connectionLostSince(remote, Instant.parse("2026-11-24T17:32:00Z"))
                        .isPresent(),
                "the failure of resource remote01 is this node's connection");
    }

    @Test
    void standbyOnFailAndIsDcAreKept() throws Exception {
        Map<String, ClusterNode> n = byName(parse("remote-node-id.xml"));
        ClusterNode failedOver = n.get("node-2");
        assertTrue(failedOver.standby());
        assertTrue(failedOver.standbyOnFail());
        assertFalse(failedOver.administrativelyDown(), "standby after a resource failure is not an operator's plan");
        assertTrue(n.get("node-1").dc());
        assertEquals(Optional.of("node-1"), parse("remote-node-id.xml").dcName());
        assertEquals(Optional.of("node-1"), parse("healthy.xml").dcName());
        assertFalse(n.get("node-2").dc());
        assertFalse(byName(parse("standby.xml")).get("node-2").standbyOnFail());
        assertTrue(byName(parse("standby.xml")).get("node-2").administrativelyDown(), "an operator's standby still is");
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
        assertTrue(
                s.connectionLostSince(c1, Instant.parse("2026-11-24T00:00:00Z")).isPresent());
        assertTrue(s.connectionLostSince(byName(s).get("compute-2.maas"), Instant.EPOCH)
                .isEmpty());
    }

    @Test
    void guestConnectionIsItsContainerResource() throws Exception {
        assertEquals(
                Optional.of("vm-guest-1"),
                byName(parse("healthy.xml")).get("guest-1").connectionResource());
        assertEquals(
                Optional.of("compute-1.maas"),
                byName(parse("healthy.xml")).get("compute-1.maas").connectionResource());
        assertEquals(
                Optional.empty(), byName(parse("healthy.xml")).get("node-1").connectionResource());
    }
}
