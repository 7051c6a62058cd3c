package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A primitive's crm options after the agent: {@code params k=v…}, {@code meta k=v…} and any number
 * of {@code op <name> k=v…}, in any order, as charm-interface-hacluster sends them.
 */
record PrimitiveSpec(Map<String, String> params, Map<String, String> meta, List<Op> ops) {
    /** One operation: its name (monitor, start, …) and attributes (interval, timeout, depth, …). */
    record Op(String name, Map<String, String> attributes) {}

    static PrimitiveSpec parse(String objectId, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Op> ops = new ArrayList<>();
        Map<String, String> current = null;
        List<String> words = CrmTokens.split(objectId, text == null ? "" : text);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "params" -> current = params;
                case "meta" -> current = meta;
                case "op" -> {
                    if (i + 1 >= words.size() || words.get(i + 1).contains("=")) {
                        throw new CrmSyntaxException(objectId, "'op' without an operation name");
                    }
                    Op op = new Op(words.get(++i), new LinkedHashMap<>());
                    ops.add(op);
                    current = op.attributes();
                }
                default -> {
                    int eq = w.indexOf('=');
                    if (current == null || eq <= 0) {
                        throw new CrmSyntaxException(
                                objectId,
                                "unexpected '" + w + "' (expected params, meta or op" + " followed by name=value)");
                    }
                    String name = w.substring(0, eq);
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                        throw new CrmSyntaxException(objectId, "'" + name + "' is not an attribute name");
                    }
                    current.put(name, w.substring(eq + 1));
                }
            }
        }
        return new PrimitiveSpec(params, meta, ops);
    }

    /** The {@code <primitive>} element. */
    XmlNode toPrimitive(String id, Agent agent) {
        List<XmlNode> children = new ArrayList<>();
        if (!params.isEmpty()) {
            children.add(Cib.nvpairs("instance_attributes", id, params));
        }
        if (!meta.isEmpty()) {
            children.add(Cib.nvpairs("meta_attributes", id, meta));
        }
        if (!ops.isEmpty()) {
            List<XmlNode> opNodes = new ArrayList<>();
            for (Op op : ops) {
                opNodes.add(opNode(id, op));
            }
            // crm may send two ops with the same name and interval; pacemaker would refuse duplicates.
            if (opNodes.stream().map(XmlNode::id).distinct().count() != opNodes.size()) {
                throw new CrmSyntaxException(id, "two operations with the same name and interval");
            }
            children.add(XmlNode.of("operations", Map.of(), opNodes));
        }
        return XmlNode.of("primitive", agent.primitiveAttributes(id), children);
    }

    /** Attributes the CIB schema allows on {@code <op>}. */
    static final java.util.Set<String> OP_ATTRIBUTES = java.util.Set.of(
            "interval",
            "timeout",
            "start-delay",
            "interval-origin",
            "enabled",
            "record-pending",
            "role",
            "requires",
            "on-fail",
            "description");

    /** crm's {@code depth=N} is the op's OCF_CHECK_LEVEL instance attribute in the CIB, as crmsh writes it. */
    private static XmlNode opNode(String id, Op op) {
        String interval = op.attributes().getOrDefault("interval", "0s");
        String opId = id + "-" + op.name() + "-" + interval;
        Map<String, String> attrs = Cib.attrs("id", opId, "name", op.name());
        attrs.put("interval", interval);
        Map<String, String> opParams = new LinkedHashMap<>();
        op.attributes().forEach((k, v) -> {
            if (k.equals("depth")) {
                opParams.put("OCF_CHECK_LEVEL", v);
            } else if (OP_ATTRIBUTES.contains(k)) {
                if (!k.equals("interval")) {
                    attrs.put(k, v);
                }
            } else {
                throw new CrmSyntaxException(id, "operation " + op.name() + " has an unknown attribute '" + k + "'");
            }
        });
        List<XmlNode> children =
                opParams.isEmpty() ? List.of() : List.of(Cib.nvpairs("instance_attributes", opId, opParams));
        return XmlNode.of("op", attrs, children);
    }
}
