package dev.instanceha.hacluster.cib;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An immutable XML element: tag, attributes, child elements (no text: the CIB has none). Equality
 * ignores attribute order, so a CIB object read back from pacemaker equals the one we generated
 * when, and only when, pacemaker holds what we want.
 */
public record XmlNode(String tag, Map<String, String> attributes, List<XmlNode> children) {
    public XmlNode {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static XmlNode of(String tag, Map<String, String> attributes, List<XmlNode> children) {
        return new XmlNode(tag, attributes, children);
    }

    public static XmlNode leaf(String tag, Map<String, String> attributes) {
        return new XmlNode(tag, attributes, List.of());
    }

    public Optional<String> attr(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String id() {
        return attributes.getOrDefault("id", "");
    }

    public Optional<XmlNode> child(String childTag) {
        return children.stream().filter(c -> c.tag.equals(childTag)).findFirst();
    }

    public List<XmlNode> children(String childTag) {
        return children.stream().filter(c -> c.tag.equals(childTag)).toList();
    }

    /** Every element below this one (depth first), this one excluded. */
    public List<XmlNode> descendants() {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            out.add(c);
            out.addAll(c.descendants());
        }
        return out;
    }

    public XmlNode withChildren(List<XmlNode> newChildren) {
        return new XmlNode(tag, attributes, newChildren);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlNode other
                && tag.equals(other.tag)
                && new TreeMap<>(attributes).equals(new TreeMap<>(other.attributes))
                && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return tag.hashCode() * 31 + new TreeMap<>(attributes).hashCode() * 17 + children.hashCode();
    }

    /** Compact XML, attributes in insertion order. */
    public String toXml() {
        StringBuilder out = new StringBuilder();
        write(out, -1);
        return out.toString();
    }

    /** Indented XML for files and humans. */
    public String toPrettyXml() {
        StringBuilder out = new StringBuilder();
        write(out, 0);
        return out.toString();
    }

    @Override
    public String toString() {
        return toXml();
    }

    private void write(StringBuilder out, int indent) {
        if (indent >= 0) {
            out.append("  ".repeat(indent));
        }
        out.append('<').append(tag);
        attributes.forEach((k, v) ->
                out.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        if (children.isEmpty()) {
            out.append("/>");
        } else {
            out.append('>');
            if (indent >= 0) {
                out.append('\n');
            }
            for (XmlNode c : children) {
                c.write(out, indent >= 0 ? indent + 1 : -1);
            }
            if (indent >= 0) {
                out.append("  ".repeat(indent));
            }
            out.append("</").append(tag).append('>');
        }
        if (indent >= 0) {
            out.append('\n');
        }
    }

    static String escape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (char c : v.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Parses XML text (no DTDs, no external entities: the text comes from a process). */
    public static XmlNode parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            return from(root);
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static XmlNode from(Element e) {
        Map<String, String> attrs = new LinkedHashMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attrs.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        List<XmlNode> kids = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                kids.add(from((Element) nodes.item(i)));
            }
        }
        return new XmlNode(e.getTagName(), attrs, kids);
    }
}
