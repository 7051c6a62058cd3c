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
    private XmlNode configuration = XmlNode.parse(
            "<configuration><crm_config><cluster_property_set "
                    + "id=\"cib-bootstrap-options\"><nvpair id=\"cib-bootstrap-options-dc-version\" name=\"dc-version\" "
                    + "value=\"2.1.5\"/></cluster_property_set></crm_config><nodes/><resources/><constraints/></configuration>");
    private final List<String> changes = new ArrayList<>();
    private boolean down;
    private int epoch = 1;
    /** Bumped by every status update a real cluster records; a patch must name the current value. */
    private int numUpdates = 0;
    /** What the next patch fails with, as pacemaker would ({@code null}: it applies). */
    private CommandResult refuseNextPatch;

    FakeHost attach(FakeHost host) {
        return host.onCommand("cibadmin", this::cibadmin)
                .onCommand("crm_attribute", this::crmAttribute)
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
        return section("crm_config").stream()
                .flatMap(set -> set.children().stream())
                .filter(p -> name.equals(p.attributes().get("name")))
                .map(p -> p.attributes().get("value"))
                .findFirst()
                .orElse(null);
    }

    void down(boolean isDown) {
        down = isDown;
    }

    /** A status update between a query and a patch, as a busy cluster has: the patch's version is then stale. */
    void statusUpdate() {
        numUpdates++;
    }

    /** {@code stderr} null: the next patch applies. */
    void refuseNextPatch(int exitCode, String stderr) {
        refuseNextPatch = stderr == null ? null : new CommandResult(exitCode, "", stderr, false);
    }

    int epoch() {
        return epoch;
    }

    CommandResult cibadmin(Command c) {
        if (down) {
            return new CommandResult(
                    102, "", "Could not connect to the CIB: Transport endpoint is not connected", false);
        }
        List<String> a = c.argv();
        if (a.contains("--query")) {
            if (a.contains("--scope")) {
                return ok(configuration.toXml());
            }
            return ok(XmlNode.of(
                            "cib",
                            Map.of(
                                    "validate-with",
                                    "pacemaker-3.0",
                                    "admin_epoch",
                                    "0",
                                    "epoch",
                                    Integer.toString(epoch),
                                    "num_updates",
                                    Integer.toString(numUpdates)),
                            List.of(configuration, XmlNode.leaf("status", Map.of())))
                    .toXml());
        }
        changes.add(c.display());
        if (a.contains("--patch")) {
            return patch(XmlNode.parse(new String(c.stdin(), java.nio.charset.StandardCharsets.UTF_8)));
        }
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

    /** Applies a format-2 patch all or nothing, with pacemaker's version check. */
    private CommandResult patch(XmlNode diff) {
        XmlNode source = diff.child("version").orElseThrow().child("source").orElseThrow();
        if (!source.attributes().get("epoch").equals(Integer.toString(epoch))
                || !source.attributes().get("num_updates").equals(Integer.toString(numUpdates))) {
            return new CommandResult(103, "", "Call failed: Update was older than existing configuration", false);
        }
        if (refuseNextPatch != null) {
            CommandResult refused = refuseNextPatch;
            refuseNextPatch = null;
            return refused;
        }
        XmlNode cib = XmlNode.of("cib", Map.of(), List.of(configuration));
        for (XmlNode change : diff.children("change")) {
            String path = change.attributes().get("path");
            if (path.equals("/cib")) {
                continue;
            }
            List<String[]> steps = steps(path);
            switch (change.attributes().get("operation")) {
                case "delete" -> {
                    String[] last = steps.remove(steps.size() - 1);
                    cib = edit(cib, steps, 1, kids -> {
                        int at = find(kids, last);
                        if (at < 0) {
                            throw new AssertionError("delete of a missing " + path);
                        }
                        kids.remove(at);
                    });
                }
                case "create" -> {
                    int position = Integer.parseInt(change.attributes().get("position"));
                    XmlNode object = change.children().get(0);
                    cib = edit(cib, steps, 1, kids -> kids.add(Math.min(position, kids.size()), object));
                }
                default -> throw new AssertionError("unexpected patch operation " + change);
            }
        }
        configuration = cib.children().get(0);
        epoch++;
        numUpdates = 0;
        return ok("");
    }

    private static List<String[]> steps(String path) {
        List<String[]> out = new ArrayList<>();
        for (String step : path.substring(1).split("/")) {
            int bracket = step.indexOf('[');
            out.add(
                    bracket < 0
                            ? new String[] {step, null}
                            : new String[] {step.substring(0, bracket), step.substring(bracket + 6, step.length() - 2)
                            });
        }
        return out;
    }

    /** Rebuilds {@code node} with {@code f} applied to the children of the element at {@code steps[from..]}. */
    private static XmlNode edit(
            XmlNode node, List<String[]> steps, int from, java.util.function.Consumer<List<XmlNode>> f) {
        List<XmlNode> kids = new ArrayList<>(node.children());
        if (from == steps.size()) {
            f.accept(kids);
            return node.withChildren(kids);
        }
        int at = find(kids, steps.get(from));
        if (at < 0) {
            throw new AssertionError("no element at "
                    + String.join("/", steps.stream().map(s -> s[0]).toList()));
        }
        kids.set(at, edit(kids.get(at), steps, from + 1, f));
        return node.withChildren(kids);
    }

    private static int find(List<XmlNode> kids, String[] step) {
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i).tag().equals(step[0])
                    && (step[1] == null || step[1].equals(kids.get(i).id()))) {
                return i;
            }
        }
        return -1;
    }

    private CommandResult crmAttribute(Command c) {
        changes.add(c.display());
        List<String> a = c.argv();
        String name = a.get(a.indexOf("--name") + 1);
        String value = a.get(a.indexOf("--update") + 1);
        XmlNode set = section("crm_config").get(0);
        List<XmlNode> pairs = new ArrayList<>(set.children().stream()
                .filter(p -> !name.equals(p.attributes().get("name")))
                .toList());
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
        List<XmlNode> sections = new ArrayList<>(configuration.children().stream()
                .filter(s -> !s.tag().equals(tag))
                .toList());
        sections.add(XmlNode.of(tag, Map.of(), children));
        configuration = configuration.withChildren(sections);
    }

    private static int indexOf(List<XmlNode> children, XmlNode object) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).tag().equals(object.tag())
                    && children.get(i).id().equals(object.id())) {
                return i;
            }
        }
        return -1;
    }

    private static CommandResult ok(String out) {
        return new CommandResult(0, out, "", false);
    }
}
