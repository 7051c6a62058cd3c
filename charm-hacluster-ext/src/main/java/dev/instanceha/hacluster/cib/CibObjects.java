package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.List;

/** Top-level CIB objects for the resources and constraints sections, in the order to apply them. */
public record CibObjects(List<XmlNode> resources, List<XmlNode> constraints) {
    public static final CibObjects EMPTY = new CibObjects(List.of(), List.of());

    public CibObjects {
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
    }

    public CibObjects plus(CibObjects other) {
        List<XmlNode> r = new ArrayList<>(resources);
        r.addAll(other.resources);
        List<XmlNode> c = new ArrayList<>(constraints);
        c.addAll(other.constraints);
        return new CibObjects(r, c);
    }
}
