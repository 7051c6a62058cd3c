package dev.instanceha.hostmonitor.cluster;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads crm_mon's XML: the legacy {@code crm_mon -X} document (root {@code crm_mon}) and the
 * {@code --output-as=xml} one (root {@code pacemaker-result}), pacemaker 2.0 to 3.0; stonith_admin's
 * history list too. Streaming (StAX) because the document grows with resources and history, and only
 * a few elements matter. DTDs and external entities are refused: the input comes from a subprocess.
 */
public final class CrmMonXmlParser {

    private final XMLInputFactory factory;
    private final ZoneId localZone;

    /** Zone-less times (ctime forms) are read in this machine's zone: crm_mon runs here too. */
    public CrmMonXmlParser() {
        this(ZoneId.systemDefault());
    }

    public CrmMonXmlParser(ZoneId localZone) {
        this.localZone = localZone;
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    public ClusterSnapshot parse(byte[] xml) throws ClusterSourceException {
        return parse(new ByteArrayInputStream(xml));
    }

    public ClusterSnapshot parse(InputStream xml) throws ClusterSourceException {
        try {
            XMLStreamReader r = factory.createXMLStreamReader(xml);
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new ClusterSourceException("crm_mon output is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private ClusterSnapshot read(XMLStreamReader r) throws XMLStreamException, ClusterSourceException {
        Deque<String> path = new ArrayDeque<>();
        boolean dcPresent = false;
        boolean quorate = false;
        boolean maintenanceMode = false;
        boolean sawNodes = false;
        boolean historyKnown = false;
        boolean sawHistoryList = false;
        String dcName = null;
        Integer resultCode = null;
        String resultMessage = null;
        List<ClusterNode> nodes = new ArrayList<>();
        List<FenceEvent> history = new ArrayList<>();
        List<ResourceFailure> failures = new ArrayList<>();

        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                path.pop();
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            if (path.isEmpty() && !name.equals("crm_mon") && !name.equals("pacemaker-result")) {
                throw new ClusterSourceException(
                        "unexpected root element <" + name + "> (want crm_mon or pacemaker-result)");
            }
            String parent = path.peek();
            int depth = path.size();
            path.push(name);
            switch (name) {
                case "current_dc" -> {
                    if ("summary".equals(parent)) {
                        dcPresent = bool(r, "present");
                        quorate = dcPresent && bool(r, "with_quorum");
                        dcName = dcPresent ? attr(r, "name") : null;
                    }
                }
                case "cluster_options" -> {
                    if ("summary".equals(parent)) {
                        maintenanceMode = bool(r, "maintenance-mode");
                    }
                }
                case "nodes" -> sawNodes |= depth == 1;
                case "node" -> {
                    // Resources and node_history also contain <node>; only the top-level list counts.
                    if ("nodes".equals(parent) && depth == 2) {
                        nodes.add(node(r));
                    }
                }
                case "fence_history" -> {
                    // status="<non-zero>" means crm_mon could not query the fencer.
                    String status = attr(r, "status");
                    historyKnown = status == null || status.equals("0");
                }
                case "list" -> {
                    // stonith_admin --history --output-as=xml: <list name="fencing history">, empty when there is none
                    if (depth == 1 && "fencing history".equals(attr(r, "name"))) {
                        historyKnown = true;
                        sawHistoryList = true;
                    }
                }
                case "failure" -> {
                    if ("failures".equals(parent)) {
                        failure(r, localZone).ifPresent(failures::add);
                    }
                }
                case "fence_event" -> {
                    historyKnown = true;
                    history.add(fenceEvent(r, localZone));
                }
                case "status" -> {
                    if (depth == 1) {
                        resultCode = parseCode(attr(r, "code"));
                        resultMessage = attr(r, "message");
                    }
                }
                default -> {}
            }
        }
        if (resultCode != null && resultCode != 0) {
            throw new ClusterSourceException("crm_mon reported status " + resultCode + ": " + resultMessage);
        }
        if (!sawNodes && history.isEmpty() && !sawHistoryList) {
            throw new ClusterSourceException("crm_mon output has no <nodes> section");
        }
        return new ClusterSnapshot(
                dcPresent, quorate, maintenanceMode, markDc(nodes, dcName), historyKnown, history, failures);
    }

    /** Where the nodes carry no is_dc (trimmed or older documents), the summary's current_dc names the DC. */
    private static List<ClusterNode> markDc(List<ClusterNode> nodes, String dcName) {
        if (dcName == null || nodes.stream().anyMatch(ClusterNode::dc)) {
            return nodes;
        }
        return nodes.stream()
                .map(n -> !n.name().equals(dcName)
                        ? n
                        : new ClusterNode(
                                n.name(),
                                n.id(),
                                n.type(),
                                n.online(),
                                n.standby(),
                                n.standbyOnFail(),
                                n.maintenance(),
                                n.pending(),
                                n.unclean(),
                                n.shutdown(),
                                n.expectedUp(),
                                true,
                                n.connectionResource()))
                .toList();
    }

    private static ClusterNode node(XMLStreamReader r) throws ClusterSourceException {
        String name = attr(r, "name");
        if (name == null || name.isEmpty()) {
            throw new ClusterSourceException("crm_mon <node> without a name");
        }
        String id = attr(r, "id");
        NodeType type = type(r);
        String container = attr(r, "id_as_resource") != null ? attr(r, "id_as_resource") : attr(r, "container_id");
        Optional<String> connection = switch (type) {
            // Pacemaker names a remote node after its connection resource; the node id can differ
            // (<node id="4" uname="remote01" type="remote"> in the CIB), the name cannot.
            case REMOTE -> Optional.of(name);
            case GUEST -> Optional.ofNullable(container);
            default -> Optional.empty();
        };
        return new ClusterNode(
                name,
                id == null ? name : id,
                type,
                bool(r, "online"),
                bool(r, "standby"),
                bool(r, "standby_onfail"),
                bool(r, "maintenance"),
                bool(r, "pending"),
                bool(r, "unclean"),
                bool(r, "shutdown"),
                bool(r, "expected_up"),
                bool(r, "is_dc"),
                connection);
    }

    /**
     * op_key is {@code <resource>_<task>_<interval>}; the resource id itself may contain underscores.
     * Pacemaker writes the key as {@code id} instead when the recorded operation has no operation key.
     */
    private static Optional<ResourceFailure> failure(XMLStreamReader r, ZoneId zone) {
        String opKey = attr(r, "op_key") != null ? attr(r, "op_key") : attr(r, "id");
        String task = attr(r, "task");
        String interval = attr(r, "interval");
        if (opKey == null || task == null) {
            return Optional.empty();
        }
        String suffix = "_" + task + "_" + (interval == null ? "" : interval);
        String resource = interval != null && opKey.endsWith(suffix)
                ? opKey.substring(0, opKey.length() - suffix.length())
                : opKey.replaceFirst("_" + java.util.regex.Pattern.quote(task) + "_\\d+$", "");
        return Optional.of(new ResourceFailure(
                resource, task, String.valueOf(attr(r, "node")), PacemakerTime.parse(attr(r, "last-rc-change"), zone)));
    }

    private static NodeType type(XMLStreamReader r) {
        String t = attr(r, "type");
        if (t == null) {
            return NodeType.UNKNOWN;
        }
        return switch (t) {
            case "member" -> NodeType.MEMBER;
            // A guest node is a remote whose connection is a resource (id_as_resource; container_id before 1.1.14).
            case "remote" ->
                (attr(r, "id_as_resource") != null || attr(r, "container_id") != null)
                        ? NodeType.GUEST
                        : NodeType.REMOTE;
            case "ping" -> NodeType.PING;
            default -> NodeType.UNKNOWN;
        };
    }

    /** {@code status} since 2.0.3; 2.0.1 and 2.0.2 wrote {@code state}. Anything unknown is pending (holds). */
    private static FenceEvent fenceEvent(XMLStreamReader r, ZoneId zone) {
        String s = String.valueOf(attr(r, "status") != null ? attr(r, "status") : attr(r, "state"));
        FenceEvent.Status status = switch (s) {
            case "success" -> FenceEvent.Status.SUCCESS;
            case "failed" -> FenceEvent.Status.FAILED;
            default -> FenceEvent.Status.PENDING;
        };
        return new FenceEvent(
                String.valueOf(attr(r, "target")),
                String.valueOf(attr(r, "action")),
                status,
                attr(r, "delegate"),
                PacemakerTime.parse(attr(r, "completed"), zone));
    }

    /** A pacemaker time stamp read in this machine's zone where it carries none; see {@link PacemakerTime}. */
    static Optional<Instant> time(String text) {
        return PacemakerTime.parse(text, ZoneId.systemDefault());
    }

    private static Integer parseCode(String code) {
        try {
            return code == null ? null : Integer.valueOf(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    private static boolean bool(XMLStreamReader r, String name) {
        return "true".equals(attr(r, name));
    }
}
