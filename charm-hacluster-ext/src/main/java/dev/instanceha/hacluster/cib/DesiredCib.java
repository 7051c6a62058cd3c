package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CIB this charm wants: top-level resources and constraints (in the order they must be
 * created), the resource defaults, the cluster properties (stonith-enabled last, after the
 * devices exist: LP 1884284) and the objects the principal asked to delete.
 *
 * @param principalIds the principal's top-level object ids (for "Resource: X not yet configured")
 * @param remoteNames the remote node names this CIB registers
 * @param memberNames the full members' node names
 */
public record DesiredCib(
        List<XmlNode> resources,
        List<XmlNode> constraints,
        XmlNode rscDefaults,
        Map<String, String> properties,
        List<String> deleteIds,
        List<String> principalIds,
        Set<String> remoteNames,
        Set<String> memberNames) {
    public static final String PROPERTY_SET_ID = "cib-bootstrap-options";

    public DesiredCib {
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        deleteIds = List.copyOf(deleteIds);
        principalIds = List.copyOf(principalIds);
        remoteNames = Collections.unmodifiableSet(new TreeSet<>(remoteNames));
        memberNames = Collections.unmodifiableSet(new TreeSet<>(memberNames));
    }

    /** Each top-level resource as XML text, e.g. for {@code cibadmin --create --scope resources}. */
    public List<String> resourcesXml() {
        return resources.stream().map(XmlNode::toXml).toList();
    }

    public List<String> constraintsXml() {
        return constraints.stream().map(XmlNode::toXml).toList();
    }

    /** The {@code <crm_config>} section with the cluster properties as crm_attribute would store them. */
    public XmlNode crmConfig() {
        List<XmlNode> pairs = new ArrayList<>();
        properties.forEach((name, value) -> pairs.add(
                XmlNode.leaf("nvpair", Cib.attrs("id", PROPERTY_SET_ID + "-" + name, "name", name, "value", value))));
        return XmlNode.of(
                "crm_config",
                Map.of(),
                List.of(XmlNode.of("cluster_property_set", Cib.attrs("id", PROPERTY_SET_ID), pairs)));
    }

    /** The whole {@code <configuration>} element. */
    public XmlNode configuration() {
        return XmlNode.of(
                "configuration",
                Map.of(),
                List.of(
                        crmConfig(),
                        XmlNode.leaf("nodes", Map.of()),
                        XmlNode.of("resources", Map.of(), resources),
                        XmlNode.of("constraints", Map.of(), constraints),
                        XmlNode.of("rsc_defaults", Map.of(), List.of(rscDefaults))));
    }

    /**
     * A complete, daemon-free CIB document with this configuration, for
     * {@code crm_verify --xml-file} or {@code CIB_file=… cibadmin}.
     */
    public String toCibDocument() {
        XmlNode cib = XmlNode.of(
                "cib",
                Cib.attrs(
                        "validate-with",
                        "pacemaker-3.0",
                        "crm_feature_set",
                        "3.0.14",
                        "epoch",
                        "1",
                        "num_updates",
                        "0",
                        "admin_epoch",
                        "0"),
                List.of(configuration(), XmlNode.leaf("status", Map.of())));
        return "<?xml version=\"1.0\"?>\n" + cib.toPrettyXml();
    }
}
