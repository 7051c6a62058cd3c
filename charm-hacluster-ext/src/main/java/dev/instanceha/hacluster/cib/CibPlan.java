package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The changes that turn the live configuration into the desired one, in a safe order: fencing off
 * before its device goes, deletions (constraints before the resources they name), resources,
 * constraints, defaults, properties, and fencing on last, once device and placement rules exist
 * (LP 1884284). Pure: an empty plan means the CIB already is as wanted, so applying twice changes
 * nothing.
 */
public final class CibPlan {
    private static final String STONITH_ENABLED = "stonith-enabled";
    /** Attributes by which a constraint names a resource. */
    private static final List<String> REFERENCES = List.of("rsc", "with-rsc", "first", "then");
    /** The node name of the packages' default corosync.conf. */
    static final String PACKAGE_DEFAULT_NODE = "node1";

    private CibPlan() {}

    /** @param current the live {@code <configuration>} element (cibadmin --query --scope configuration) */
    public static List<CibChange> between(DesiredCib desired, XmlNode current) {
        Map<String, XmlNode> resources = byId(section(current, "resources"));
        Map<String, XmlNode> constraints = byId(section(current, "constraints"));
        Map<String, XmlNode> allResources = new LinkedHashMap<>();
        section(current, "resources").forEach(r -> {
            allResources.put(r.id(), r);
            r.descendants().forEach(d -> allResources.putIfAbsent(d.id(), d));
        });
        Map<String, XmlNode> wantedResources = byId(desired.resources());
        Map<String, XmlNode> wantedConstraints = byId(desired.constraints());
        Map<String, String> properties = properties(current);

        List<CibChange> plan = new ArrayList<>();
        String stonith = desired.properties().get(STONITH_ENABLED);
        boolean stonithChanges = stonith != null && !stonith.equals(properties.get(STONITH_ENABLED));
        if (stonithChanges && stonith.equals("false")) {
            plan.add(CibChange.property(STONITH_ENABLED, stonith));
        }

        // Resources to delete: what the principal asked, remote connections no longer related, a
        // fencing device no longer wanted.
        Set<String> goneRemotes = new LinkedHashSet<>();
        List<XmlNode> deleteResources = new ArrayList<>();
        for (String id : desired.deleteIds()) {
            Optional.ofNullable(allResources.get(id)).ifPresent(deleteResources::add);
        }
        resources.values().forEach(r -> {
            if (RemoteResources.isConnection(r) && !wantedResources.containsKey(r.id())) {
                deleteResources.add(r);
                goneRemotes.add(r.id());
            } else if (r.id().equals(StonithDevice.ID) && !wantedResources.containsKey(r.id())) {
                deleteResources.add(r);
            }
        });
        Set<String> deletedIds = new LinkedHashSet<>();
        deleteResources.forEach(r -> deletedIds.add(r.id()));
        Set<String> remoteNodes = new LinkedHashSet<>(desired.remoteNames());
        remoteNodes.addAll(goneRemotes);
        for (XmlNode c : constraints.values()) {
            if (wantedConstraints.containsKey(c.id())) {
                continue;
            }
            boolean namesDeleted =
                    REFERENCES.stream().map(a -> c.attributes().get(a)).anyMatch(deletedIds::contains);
            // Our own placement rules (loc-<res>-<node>) involving a remote that changed its mind or left.
            boolean staleRemoteRule = c.tag().equals("rsc_location")
                    && c.id().startsWith("loc-")
                    && (remoteNodes.contains(c.attributes().get("node"))
                            || remoteNodes.contains(c.attributes().get("rsc")));
            if (namesDeleted || staleRemoteRule) {
                plan.add(CibChange.delete("constraints", c));
            }
        }
        deleteResources.forEach(r -> plan.add(CibChange.delete("resources", r)));
        goneRemotes.forEach(node -> plan.add(CibChange.forgetNode(node)));
        // Debian's and Ubuntu's packages first start a one-node cluster whose node is "node1"
        // (LP 1874719). If its CIB reached the cluster, node1 sits there unclean and pacemaker
        // starts nothing until it has fenced it, which no device can: forget it, as operators do.
        section(current, "nodes").stream()
                .map(n -> n.attributes().get("uname"))
                .filter(PACKAGE_DEFAULT_NODE::equals)
                .filter(n -> !desired.memberNames().contains(n)
                        && !desired.remoteNames().contains(n))
                .findFirst()
                .ifPresent(n -> plan.add(CibChange.forgetNode(n)));

        for (XmlNode r : desired.resources()) {
            XmlNode now = resources.get(r.id());
            if (now == null) {
                plan.add(CibChange.create("resources", r));
            } else if (!now.equals(r)) {
                plan.add(CibChange.replace("resources", r));
            }
        }
        for (XmlNode c : desired.constraints()) {
            XmlNode now = constraints.get(c.id());
            if (now == null) {
                plan.add(CibChange.create("constraints", c));
            } else if (!now.equals(c)) {
                plan.add(CibChange.replace("constraints", c));
            }
        }
        Optional<XmlNode> defaults = section(current, "rsc_defaults").stream()
                .filter(m -> m.id().equals(desired.rscDefaults().id()))
                .findFirst();
        if (current.child("rsc_defaults").isEmpty()) {
            // A fresh CIB has no rsc_defaults section, and cibadmin cannot create into a missing
            // section ("Invalid argument"): create the section with its content under configuration.
            plan.add(CibChange.create(
                    "configuration",
                    XmlNode.of("rsc_defaults", Map.of(), List.of(desired.rscDefaults())),
                    desired.rscDefaults().id()));
        } else if (defaults.isEmpty()) {
            plan.add(CibChange.create("rsc_defaults", desired.rscDefaults()));
        } else if (!defaults.get().equals(desired.rscDefaults())) {
            plan.add(CibChange.replace("rsc_defaults", desired.rscDefaults()));
        }
        desired.properties().forEach((name, value) -> {
            if (!name.equals(STONITH_ENABLED) && !value.equals(properties.get(name))) {
                plan.add(CibChange.property(name, value));
            }
        });
        if (stonithChanges && !stonith.equals("false")) {
            plan.add(CibChange.property(STONITH_ENABLED, stonith));
        }
        return plan;
    }

    /**
     * The first of the principal's objects not (yet) as wanted in the live CIB: what a non-leader
     * reports as "Resource: X not yet configured".
     */
    public static Optional<String> firstPending(DesiredCib desired, List<CibChange> plan) {
        Set<String> touched = new LinkedHashSet<>();
        plan.forEach(c -> touched.add(c.objectId()));
        return desired.principalIds().stream().filter(touched::contains).findFirst();
    }

    private static List<XmlNode> section(XmlNode configuration, String tag) {
        return configuration.child(tag).map(XmlNode::children).orElse(List.of());
    }

    private static Map<String, XmlNode> byId(List<XmlNode> objects) {
        Map<String, XmlNode> out = new LinkedHashMap<>();
        objects.forEach(o -> out.putIfAbsent(o.id(), o));
        return out;
    }

    /** Cluster properties by name, from every property set (pacemaker reads them all). */
    static Map<String, String> properties(XmlNode configuration) {
        Map<String, String> out = new LinkedHashMap<>();
        for (XmlNode set : section(configuration, "crm_config")) {
            for (XmlNode pair : set.children("nvpair")) {
                out.putIfAbsent(
                        pair.attributes().getOrDefault("name", ""),
                        pair.attributes().getOrDefault("value", ""));
            }
        }
        return out;
    }
}
