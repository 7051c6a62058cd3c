package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.XmlNode;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.testing.FakeHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the CIB manager behind the pacemaker CLI: answers cibadmin --query with its
 * configuration and carries out --create/--replace/--delete, crm_attribute and crm_node the way
 * pacemaker does for top-level objects, so a second hook sees what the first one wrote.
 */
final class FakeCib {
    private XmlNode configuration = XmlNode.parse("<configuration><crm_config><cluster_property_set "
            + "id=\"cib-bootstrap-options\"><nvpair id=\"cib-bootstrap-options-dc-version\" name=\"dc-version\" "
            + "value=\"2.1.5\"/></cluster_property_set></crm_config><nodes/><resources/><constraints/></configuration>");
    private final List<String> changes = new ArrayList<>();
    private boolean down;

    FakeHost attach(FakeHost host) {
        return host.onCommand("cibadmin", this::cibadmin).onCommand("crm_attribute", this::crmAttribute)
                .onCommand("crm_node", c -> {
                    changes.add(c.display());
                    return ok("");
                });
    }

    XmlNode configuration() {
        return configuration;
    }

    void setConfiguration(XmlNode config) {
        configuration = config;
    }

    /** Every change command run so far (queries excluded). */
    List<String> changes() {
        return List.copyOf(changes);
    }

    void clearChanges() {
        changes.clear();
    }

    /** A cluster property's value, or null. */
    String property(String name) {
        return section("crm_config").stream().flatMap(set -> set.children().stream())
                .filter(p -> name.equals(p.attributes().get("name"))).map(p -> p.attributes().get("value"))
                .findFirst().orElse(null);
    }

    void down(boolean isDown) {
        down = isDown;
    }

    private CommandResult cibadmin(Command c) {
        if (down) {
            return new CommandResult(102, "", "Could not connect to the CIB: Transport endpoint is not connected", false);
        }
        List<String> a = c.argv();
        if (a.contains("--query")) {
            return ok(configuration.toXml());
        }
        changes.add(c.display());
        String section = a.get(a.indexOf("--scope") + 1);
        XmlNode object = XmlNode.parse(a.get(a.indexOf("--xml-text") + 1));
        if (section.equals("configuration") && a.get(1).equals("--create")) {
            // A whole optional section (rsc_defaults) created under configuration.
            if (configuration.child(object.tag()).isPresent()) {
                return new CommandResult(76, "", "Call cib_create failed (-76): Name not unique on network", false);
            }
            setSection(object.tag(), object.children());
            return ok("");
        }
        if (a.get(1).equals("--create") && configuration.child(section).isEmpty()) {
            // As real cibadmin: no creating into a section the CIB does not have.
            return new CommandResult(22, "", "Call cib_create failed (-22): Invalid argument", false);
        }
        List<XmlNode> children = new ArrayList<>(section(section));
        int at = indexOf(children, object);
        switch (a.get(1)) {
            case "--create" -> {
                if (at >= 0) {
                    return new CommandResult(76, "", "Call cib_create failed (-76): Name not unique on network", false);
                }
                children.add(object);
            }
            case "--replace" -> {
                if (at < 0) {
                    return new CommandResult(105, "", "No such device or address", false);
                }
                children.set(at, object);
            }
            case "--delete" -> {
                if (at >= 0) {
                    children.remove(at);
                }
            }
            default -> throw new AssertionError("unexpected " + c.display());
        }
        setSection(section, children);
        return ok("");
    }

    private CommandResult crmAttribute(Command c) {
        changes.add(c.display());
        List<String> a = c.argv();
        String name = a.get(a.indexOf("--name") + 1);
        String value = a.get(a.indexOf("--update") + 1);
        XmlNode set = section("crm_config").get(0);
        List<XmlNode> pairs = new ArrayList<>(set.children().stream().filter(p -> !name.equals(p.attributes().get("name"))).toList());
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        attrs.put("id", "cib-bootstrap-options-" + name);
        attrs.put("name", name);
        attrs.put("value", value);
        pairs.add(XmlNode.leaf("nvpair", attrs));
        setSection("crm_config", List.of(set.withChildren(pairs)));
        return ok("");
    }

    private List<XmlNode> section(String tag) {
        return configuration.child(tag).map(XmlNode::children).orElse(List.of());
    }

    private void setSection(String tag, List<XmlNode> children) {
        List<XmlNode> sections = new ArrayList<>(configuration.children().stream().filter(s -> !s.tag().equals(tag)).toList());
        sections.add(XmlNode.of(tag, Map.of(), children));
        configuration = configuration.withChildren(sections);
    }

    private static int indexOf(List<XmlNode> children, XmlNode object) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).tag().equals(object.tag()) && children.get(i).id().equals(object.id())) {
                return i;
            }
        }
        return -1;
    }

    private static CommandResult ok(String out) {
        return new CommandResult(0, out, "", false);
    }
}
