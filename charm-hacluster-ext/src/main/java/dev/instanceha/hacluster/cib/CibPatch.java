package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole plan as one pacemaker patch (the format-2 XML diff that {@code crm_diff} writes and
 * {@code cibadmin --patch} applies): the CIB manager applies it in one operation and validates the
 * result against the schema before keeping any of it, so a plan pacemaker refuses leaves the CIB
 * exactly as it was. The patch names the version it was computed from; if the CIB changed since it
 * was read, pacemaker refuses the patch ("Update was older than existing configuration") instead of
 * applying it to a configuration nobody looked at. Pure: the same snapshot and plan give the same text.
 */
public final class CibPatch {
    private static final List<String> VERSION = List.of("admin_epoch", "epoch", "num_updates");

    /**
     * @param xml the patch, for {@code cibadmin --patch --xml-pipe}
     * @param after the configuration the patch produces (what a re-read CIB will hold)
     */
    public record Patch(String xml, XmlNode after) {}

    private CibPatch() {}

    /** Empty when the plan changes nothing in the CIB (e.g. it only forgets nodes). */
    public static Optional<Patch> of(CibSnapshot snapshot, List<CibChange> plan) {
        Elem config = Elem.of(snapshot.configuration());
        List<Change> changes = new ArrayList<>();
        for (CibChange c : plan) {
            switch (c.kind()) {
                case CREATE -> create(config, c.section(), c.object(), changes);
                case REPLACE -> replace(config, c.section(), c.object(), changes);
                case DELETE -> delete(config, c.section(), c.object(), changes);
                case PROPERTY -> property(config, c.objectId(), c.value(), changes);
                case FORGET_NODE -> {} // not a CIB edit: crm_node runs after the patch
            }
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> root = new LinkedHashMap<>(snapshot.root());
        Map<String, String> source = new LinkedHashMap<>();
        VERSION.forEach(v -> source.put(v, Integer.toString(snapshot.version(v))));
        Map<String, String> target = new LinkedHashMap<>(source);
        target.put("epoch", Integer.toString(snapshot.version("epoch") + 1));
        target.put("num_updates", "0");
        root.putAll(target);
        // As crm_diff does: the root's new attributes in full (a modify replaces them all).
        XmlNode bump = XmlNode.of(
                "change",
                Cib.attrs("operation", "modify", "path", "/cib"),
                List.of(
                        XmlNode.of(
                                "change-list",
                                Map.of(),
                                List.of(
                                        XmlNode.leaf(
                                                "change-attr",
                                                Cib.attrs(
                                                        "name",
                                                        "epoch",
                                                        "operation",
                                                        "set",
                                                        "value",
                                                        target.get("epoch"))),
                                        XmlNode.leaf(
                                                "change-attr",
                                                Cib.attrs("name", "num_updates", "operation", "set", "value", "0")))),
                        XmlNode.of("change-result", Map.of(), List.of(XmlNode.leaf("cib", root)))));
        List<XmlNode> all = new ArrayList<>();
        all.add(XmlNode.of(
                "version", Map.of(), List.of(XmlNode.leaf("source", source), XmlNode.leaf("target", target))));
        all.add(bump);
        changes.forEach(c -> all.add(c.render()));
        return Optional.of(
                new Patch(XmlNode.of("diff", Cib.attrs("format", "2"), all).toXml(), config.toXmlNode()));
    }

    private static void create(Elem config, String section, XmlNode object, List<Change> changes) {
        Elem parent = section(config, section, changes);
        add(
                parent,
                "/cib/configuration" + (parent == config ? "" : "/" + parent.tag),
                parent.kids.size(),
                object,
                changes);
    }

    private static void replace(Elem config, String section, XmlNode object, List<Change> changes) {
        Elem parent = section(config, section, changes);
        String parentPath = "/cib/configuration" + (parent == config ? "" : "/" + parent.tag);
        int at = parent.indexOf(object.tag(), object.id());
        if (at < 0) {
            add(parent, parentPath, parent.kids.size(), object, changes);
            return;
        }
        remove(parent, at, parentPath + "/" + step(parent.kids.get(at)), changes);
        add(parent, parentPath, at, object, changes);
    }

    private static void delete(Elem config, String section, XmlNode object, List<Change> changes) {
        Optional<Elem> parent = config.child(section);
        if (parent.isEmpty()) {
            return;
        }
        // Principal deletions may name a primitive inside a group: find it where it is.
        List<Elem> path = parent.get().find(object.tag(), object.id());
        if (path.isEmpty()) {
            return; // already gone
        }
        StringBuilder xpath = new StringBuilder("/cib/configuration/" + section);
        path.forEach(e -> xpath.append('/').append(step(e)));
        Elem holder = path.size() == 1 ? parent.get() : path.get(path.size() - 2);
        remove(holder, holder.kids.indexOf(path.get(path.size() - 1)), xpath.toString(), changes);
    }

    /** As crm_attribute: the first nvpair of that name in any property set, else one in cib-bootstrap-options. */
    private static void property(Elem config, String name, String value, List<Change> changes) {
        Elem crmConfig = section(config, "crm_config", changes);
        String crmPath = "/cib/configuration/crm_config";
        for (Elem set : crmConfig.kids) {
            if (!set.tag.equals("cluster_property_set")) {
                continue;
            }
            for (int i = 0; i < set.kids.size(); i++) {
                Elem pair = set.kids.get(i);
                if (pair.tag.equals("nvpair") && name.equals(pair.attrs.get("name"))) {
                    String setPath = crmPath + "/" + step(set);
                    Map<String, String> attrs = new LinkedHashMap<>(pair.attrs);
                    attrs.put("value", value);
                    remove(set, i, setPath + "/" + step(pair), changes);
                    add(set, setPath, i, XmlNode.leaf("nvpair", attrs), changes);
                    return;
                }
            }
        }
        XmlNode pair = XmlNode.leaf(
                "nvpair", Cib.attrs("id", DesiredCib.PROPERTY_SET_ID + "-" + name, "name", name, "value", value));
        int setAt = crmConfig.indexOf("cluster_property_set", DesiredCib.PROPERTY_SET_ID);
        if (setAt >= 0) {
            Elem set = crmConfig.kids.get(setAt);
            add(set, crmPath + "/" + step(set), set.kids.size(), pair, changes);
        } else {
            add(
                    crmConfig,
                    crmPath,
                    crmConfig.kids.size(),
                    XmlNode.of("cluster_property_set", Cib.attrs("id", DesiredCib.PROPERTY_SET_ID), List.of(pair)),
                    changes);
        }
    }

    /** The named section, created (and the creation recorded) when the CIB has none yet. */
    private static Elem section(Elem config, String section, List<Change> changes) {
        if (section.equals("configuration")) {
            return config;
        }
        Optional<Elem> existing = config.child(section);
        if (existing.isPresent()) {
            return existing.get();
        }
        add(config, "/cib/configuration", config.kids.size(), XmlNode.leaf(section, Map.of()), changes);
        return config.child(section).orElseThrow();
    }

    /**
     * Pacemaker resolves every path of a patch against the CIB as it was before the patch, so
     * nothing may be created into (or deleted from) an element the same patch creates: such edits
     * go into that element's own creation instead.
     */
    private static void add(Elem parent, String parentPath, int position, XmlNode object, List<Change> changes) {
        Elem created = Elem.of(object);
        created.markFresh();
        parent.kids.add(position, created);
        if (!parent.fresh) {
            changes.add(new Change("create", parentPath, position, created));
        }
    }

    private static void remove(Elem parent, int at, String path, List<Change> changes) {
        Elem gone = parent.kids.remove(at);
        if (gone.fresh) {
            changes.removeIf(c -> c.created() == gone);
        } else if (!parent.fresh) {
            changes.add(new Change("delete", path, -1, null));
        }
    }

    /** One change of the patch; a creation is rendered from its element as it is at the end. */
    private record Change(String operation, String path, int position, Elem created) {
        XmlNode render() {
            if (created == null) {
                return XmlNode.leaf("change", Cib.attrs("operation", operation, "path", path));
            }
            return XmlNode.of(
                    "change",
                    Cib.attrs("operation", operation, "path", path, "position", Integer.toString(position)),
                    List.of(created.toXmlNode()));
        }
    }

    /** {@code tag[@id='x']}; ids are XML ids (NCNames), so they hold no quote. */
    private static String step(Elem e) {
        String id = e.attrs.get("id");
        return id == null ? e.tag : e.tag + "[@id='" + id + "']";
    }

    /** A mutable copy of the configuration, so positions follow the changes before them. */
    private static final class Elem {
        final String tag;
        final Map<String, String> attrs;
        final List<Elem> kids = new ArrayList<>();
        /** Created by this patch (it or an ancestor). */
        boolean fresh;

        private Elem(String tag, Map<String, String> attrs) {
            this.tag = tag;
            this.attrs = new LinkedHashMap<>(attrs);
        }

        static Elem of(XmlNode n) {
            Elem e = new Elem(n.tag(), n.attributes());
            n.children().forEach(c -> e.kids.add(of(c)));
            return e;
        }

        void markFresh() {
            fresh = true;
            kids.forEach(Elem::markFresh);
        }

        XmlNode toXmlNode() {
            return XmlNode.of(tag, attrs, kids.stream().map(Elem::toXmlNode).toList());
        }

        Optional<Elem> child(String childTag) {
            return kids.stream().filter(k -> k.tag.equals(childTag)).findFirst();
        }

        int indexOf(String childTag, String id) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.get(i).tag.equals(childTag)
                        && id.equals(kids.get(i).attrs.get("id"))) {
                    return i;
                }
            }
            return -1;
        }

        /** The path (below this element) to the first element with that tag and id, depth first. */
        List<Elem> find(String childTag, String id) {
            for (Elem k : kids) {
                if (k.tag.equals(childTag) && id.equals(k.attrs.get("id"))) {
                    return List.of(k);
                }
                List<Elem> below = k.find(childTag, id);
                if (!below.isEmpty()) {
                    List<Elem> path = new ArrayList<>();
                    path.add(k);
                    path.addAll(below);
                    return path;
                }
            }
            return List.of();
        }
    }
}
