package dev.instanceha.hacluster.cib;

import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public entry point of CIB generation: a pure function from the charm's model
 * ({@link CibInputs}) to the desired CIB ({@link DesiredCib}), whose XML a real-component test can
 * load with cibadmin or check with crm_verify.
 */
public final class CibXml {
    public static final String RSC_DEFAULTS_ID = "rsc-options";

    private CibXml() {}

    /** @throws CrmSyntaxException when the principal sent crm syntax this charm cannot translate */
    public static DesiredCib desired(CibInputs in) {
        CibObjects principal = PrincipalResources.toCib(in.principal());
        List<String> principalIds = PrincipalResources.topLevelIds(principal);
        Optional<XmlNode> stonith = StonithDevice.toCib(in.maas(), in.remotes());
        List<String> keepOff = new ArrayList<>(principalIds);
        stonith.ifPresent(device -> keepOff.add(device.id()));
        CibObjects remotes = RemoteResources.toCib(in.remotes(), in.members(), keepOff);

        boolean someRemoteRefuses = in.remotes().stream().anyMatch(r -> !r.enableResources());
        List<XmlNode> resources = new ArrayList<>();
        for (XmlNode object : principal.resources()) {
            // Clones default to one instance per node, remotes included: cap them at the members.
            resources.add(
                    object.tag().equals("clone")
                                    && someRemoteRefuses
                                    && !in.members().isEmpty()
                            ? withMeta(
                                    object,
                                    "clone-max",
                                    Integer.toString(in.members().size()))
                            : object);
        }
        resources.addAll(remotes.resources());
        stonith.ifPresent(resources::add);
        List<XmlNode> constraints = new ArrayList<>(principal.constraints());
        constraints.addAll(remotes.constraints());

        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("resource-stickiness", "100");
        defaults.put("failure-timeout", in.options().failureTimeout() + "s");
        List<XmlNode> pairs = new ArrayList<>();
        defaults.forEach((k, v) ->
                pairs.add(XmlNode.leaf("nvpair", Cib.attrs("id", RSC_DEFAULTS_ID + "-" + k, "name", k, "value", v))));
        XmlNode rscDefaults = XmlNode.of("meta_attributes", Cib.attrs("id", RSC_DEFAULTS_ID), pairs);

        Map<String, String> properties = new LinkedHashMap<>();
        // Opt-out cluster: upstream may have left symmetric-cluster=false behind; placement is
        // ours through explicit -INFINITY locations on the remotes that refuse resources.
        properties.put("symmetric-cluster", "true");
        properties.put("no-quorum-policy", in.options().noQuorumPolicy());
        properties.put("cluster-recheck-interval", in.options().recheckInterval() + "s");
        properties.put("maintenance-mode", Boolean.toString(in.options().maintenanceMode()));
        properties.put("stonith-enabled", Boolean.toString(stonith.isPresent()));

        Set<String> desiredIds = resources.stream()
                .flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r), r.descendants().stream()))
                .map(XmlNode::id)
                .collect(Collectors.toSet());
        List<String> deletes = in.principal().deleteResources().stream()
                .filter(id -> !desiredIds.contains(id))
                .distinct()
                .toList();
        Set<String> remoteNames = RemoteResources.sorted(in.remotes()).stream()
                .map(RemoteNode::hostname)
                .collect(Collectors.toSet());
        return new DesiredCib(
                resources,
                constraints,
                rscDefaults,
                properties,
                deletes,
                principalIds,
                remoteNames,
                Set.copyOf(in.members()));
    }

    /** The object with one meta attribute set (its meta_attributes created if needed). */
    static XmlNode withMeta(XmlNode object, String name, String value) {
        List<XmlNode> children = new ArrayList<>(object.children());
        int at = -1;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).tag().equals("meta_attributes")) {
                at = i;
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (at >= 0) {
            children.get(at)
                    .children("nvpair")
                    .forEach(p ->
                            meta.put(p.attributes().get("name"), p.attributes().get("value")));
        }
        meta.put(name, value);
        XmlNode set = Cib.nvpairs("meta_attributes", object.id(), meta);
        if (at >= 0) {
            children.set(at, set);
        } else {
            children.add(0, set);
        }
        return object.withChildren(children);
    }
}
