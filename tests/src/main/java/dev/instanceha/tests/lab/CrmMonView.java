package dev.instanceha.tests.lab;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * What a test asserts from one crm_mon XML document (either form: {@code --output-as=xml} or the
 * legacy {@code -X}): node flags, quorum, the DC, and the fence history as pacemaker printed it. The
 * lab's and the model's one reader. Kept apart from the host monitor's own parser on purpose: the
 * tests must not share the code they check.
 */
public record CrmMonView(String xml, Map<String, Node> nodes, boolean quorate, String dc, List<FenceEvent> fenceEvents,
                         int failedActions) {
    public record Node(String name, String type, boolean online, boolean unclean) {
    }

    /** One fence_event: status as printed (success, failed, pending), completed time text as printed. */
    public record FenceEvent(String target, String action, String status, String completed) {
    }

    public static CrmMonView parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            Map<String, Node> nodes = new LinkedHashMap<>();
            Element nodesEl = (Element) doc.getElementsByTagName("nodes").item(0);
            if (nodesEl != null) {
                NodeList list = nodesEl.getElementsByTagName("node");
                for (int i = 0; i < list.getLength(); i++) {
                    Element n = (Element) list.item(i);
                    nodes.put(n.getAttribute("name"), new Node(n.getAttribute("name"), n.getAttribute("type"),
                            "true".equals(n.getAttribute("online")), "true".equals(n.getAttribute("unclean"))));
                }
            }
            List<FenceEvent> events = new ArrayList<>();
            NodeList fence = doc.getElementsByTagName("fence_event");
            for (int i = 0; i < fence.getLength(); i++) {
                Element e = (Element) fence.item(i);
                events.add(new FenceEvent(e.getAttribute("target"), e.getAttribute("action"), e.getAttribute("status"),
                        e.getAttribute("completed")));
            }
            Element dc = (Element) doc.getElementsByTagName("current_dc").item(0);
            return new CrmMonView(xml, Map.copyOf(nodes), dc != null && "true".equals(dc.getAttribute("with_quorum")),
                    dc == null ? null : dc.getAttribute("name"), List.copyOf(events),
                    doc.getElementsByTagName("failure").getLength());
        } catch (Exception e) {
            throw new AssertionError("crm_mon did not print the XML expected: " + e + "\n" + Lab.tail(xml, 20), e);
        }
    }

    public Optional<Node> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public boolean online(String name) {
        return node(name).map(Node::online).orElse(false);
    }

    /** Fence events for a target with the given status (success, failed, pending). */
    public List<FenceEvent> fences(String target, String status) {
        return fenceEvents.stream().filter(e -> e.target().equals(target) && e.status().equals(status)).toList();
    }
}
