package dev.instanceha.hacluster.cib;

import dev.instanceha.interfaces.hacluster.HaResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates what the principal asked for on {@code ha} (charm-interface-hacluster's CRM fields:
 * crm shell fragments) into CIB XML: primitives nested in their group or clone, and colocation,
 * order and location constraints. Pure; unsupported syntax throws {@link CrmSyntaxException}.
 */
public final class PrincipalResources {
    private PrincipalResources() {}

    public static CibObjects toCib(HaResources ha) {
        Map<String, XmlNode> topLevel = new LinkedHashMap<>();
        ha.resources()
                .forEach((id, agent) -> topLevel.put(
                        id,
                        PrimitiveSpec.parse(id, ha.resourceParams().get(id)).toPrimitive(id, Agent.parse(id, agent))));
        ha.groups().forEach((id, spec) -> topLevel.put(id, group(id, spec, topLevel)));
        ha.clones().forEach((id, spec) -> topLevel.put(id, clone(id, spec, topLevel, false)));
        ha.ms().forEach((id, spec) -> topLevel.put(id, clone(id, spec, topLevel, true)));

        List<XmlNode> constraints = new ArrayList<>();
        ha.colocations().forEach((id, spec) -> constraints.add(colocation(id, spec)));
        ha.orders().forEach((id, spec) -> constraints.add(order(id, spec)));
        ha.locations().forEach((id, spec) -> constraints.add(location(id, spec)));
        return new CibObjects(new ArrayList<>(topLevel.values()), constraints);
    }

    /** Ids of the principal's top-level objects (what "keep off remote nodes" applies to). */
    public static List<String> topLevelIds(CibObjects principal) {
        return principal.resources().stream().map(XmlNode::id).toList();
    }

    /** {@code "res_a res_b [meta k=v…]"}: the members move inside the group, in the order given. */
    private static XmlNode group(String id, String spec, Map<String, XmlNode> topLevel) {
        Split s = split(id, spec);
        if (s.members().isEmpty()) {
            throw new CrmSyntaxException(id, "a group needs members");
        }
        List<XmlNode> children = new ArrayList<>();
        for (String member : s.members()) {
            XmlNode primitive = topLevel.remove(member);
            if (primitive == null || !primitive.tag().equals("primitive")) {
                throw new CrmSyntaxException(id, "member '" + member + "' is not a primitive of this request");
            }
            children.add(primitive);
        }
        if (!s.meta().isEmpty()) {
            children.add(0, Cib.nvpairs("meta_attributes", id, s.meta()));
        }
        return XmlNode.of("group", Cib.attrs("id", id), children);
    }

    /** {@code "res [meta k=v…]"}; ms (master/slave) is a promotable clone in pacemaker 2. */
    private static XmlNode clone(String id, String spec, Map<String, XmlNode> topLevel, boolean promotable) {
        Split s = split(id, spec);
        if (s.members().size() != 1) {
            throw new CrmSyntaxException(id, "a clone wraps exactly one primitive or group");
        }
        XmlNode inner = topLevel.remove(s.members().get(0));
        if (inner == null || !(inner.tag().equals("primitive") || inner.tag().equals("group"))) {
            throw new CrmSyntaxException(
                    id, "'" + s.members().get(0) + "' is not a primitive or group of this request");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (promotable) {
            meta.put("promotable", "true");
        }
        meta.putAll(s.meta());
        List<XmlNode> children = new ArrayList<>();
        if (!meta.isEmpty()) {
            children.add(Cib.nvpairs("meta_attributes", id, meta));
        }
        children.add(inner);
        return XmlNode.of("clone", Cib.attrs("id", id), children);
    }

    /** {@code "score: rsc[:role] with-rsc[:role]"} — rsc is placed where with-rsc runs. */
    private static XmlNode colocation(String id, String spec) {
        List<String> w = CrmTokens.split(id, spec);
        if (w.size() != 3 || !w.get(0).endsWith(":")) {
            throw new CrmSyntaxException(id, "colocation must be 'score: resource with-resource'");
        }
        Map<String, String> a = Cib.attrs("id", id, "score", Cib.score(id, w.get(0)));
        role(id, w.get(1), a, "rsc", "rsc-role");
        role(id, w.get(2), a, "with-rsc", "with-rsc-role");
        return XmlNode.leaf("rsc_colocation", a);
    }

    /** {@code "kind: first[:action] then[:action]"}; kind inf/Mandatory, 0/Optional or Serialize. */
    private static XmlNode order(String id, String spec) {
        List<String> w = CrmTokens.split(id, spec);
        if (w.size() != 3 || !w.get(0).endsWith(":")) {
            throw new CrmSyntaxException(id, "order must be 'kind: first then'");
        }
        String kind = switch (w.get(0).substring(0, w.get(0).length() - 1).toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "mandatory" -> "Mandatory";
            case "0", "optional" -> "Optional";
            case "serialize" -> "Serialize";
            default -> throw new CrmSyntaxException(id, "'" + w.get(0) + "' is not an order kind");
        };
        Map<String, String> a = Cib.attrs("id", id, "kind", kind);
        role(id, w.get(1), a, "first", "first-action");
        role(id, w.get(2), a, "then", "then-action");
        return XmlNode.leaf("rsc_order", a);
    }

    /** {@code "rsc score: node"} (rule-based locations are not supported). */
    private static XmlNode location(String id, String spec) {
        List<String> w = CrmTokens.split(id, spec);
        if (w.size() != 3 || !w.get(1).endsWith(":") || w.get(2).contains(":")) {
            throw new CrmSyntaxException(id, "location must be 'resource score: node'");
        }
        requireId(id, w.get(0));
        requireId(id, w.get(2));
        return XmlNode.leaf(
                "rsc_location",
                Cib.attrs("id", id, "rsc", w.get(0), "score", Cib.score(id, w.get(1)), "node", w.get(2)));
    }

    private static void role(String id, String word, Map<String, String> attrs, String rscAttr, String roleAttr) {
        int colon = word.indexOf(':');
        String rsc = colon < 0 ? word : word.substring(0, colon);
        requireId(id, rsc);
        attrs.put(rscAttr, rsc);
        if (colon >= 0) {
            String role = word.substring(colon + 1);
            if (!role.matches("[A-Za-z]+")) {
                throw new CrmSyntaxException(id, "'" + role + "' is not a role or action");
            }
            attrs.put(roleAttr, role);
        }
    }

    private static void requireId(String objectId, String ref) {
        if (!HaResources.isValidId(ref)) {
            throw new CrmSyntaxException(objectId, "'" + ref + "' is not a resource id");
        }
    }

    /** Names before {@code meta}, then the meta attributes. */
    private record Split(List<String> members, Map<String, String> meta) {}

    private static Split split(String id, String spec) {
        List<String> w = CrmTokens.split(id, spec);
        int metaAt = w.indexOf("meta");
        List<String> members = metaAt < 0 ? w : w.subList(0, metaAt);
        members.forEach(m -> requireId(id, m));
        Map<String, String> meta = new LinkedHashMap<>();
        if (metaAt >= 0) {
            meta = PrimitiveSpec.parse(id, String.join(" ", w.subList(metaAt, w.size())))
                    .meta();
        }
        return new Split(List.copyOf(members), meta);
    }
}
