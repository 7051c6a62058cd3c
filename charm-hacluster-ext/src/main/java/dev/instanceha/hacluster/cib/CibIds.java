package dev.instanceha.hacluster.cib;

import dev.instanceha.hacluster.MaasSettings;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids a remote node's name must not take: XML ids are unique in the whole CIB, so a remote named
 * after any of them is refused by cibadmin (or, worse, would replace that object's entry).
 */
public final class CibIds {
    private static final RemoteNode PLACEHOLDER =
            new RemoteNode("placeholder", "127.0.0.1", Optional.of("placeholder"), true);
    private static final MaasSettings PLACEHOLDER_MAAS =
            new MaasSettings("http://placeholder:5240/MAAS", dev.instanceha.ops.model.Secret.of("a:b:c"), 1);

    private CibIds() {}

    /**
     * Every id the desired CIB uses besides the remotes' own objects, and every id of the live
     * configuration that is not a remote's (its connection, our {@code loc-} rules, node entries),
     * each with what it is, for a status line.
     *
     * @param withoutRemotes the inputs with no remote node
     */
    public static Map<String, String> reserved(CibInputs withoutRemotes, XmlNode live) {
        Map<String, String> out = new LinkedHashMap<>();
        DesiredCib desired = CibXml.desired(withoutRemotes);
        desired.resources().forEach(r -> add(out, r));
        desired.constraints().forEach(c -> add(out, c));
        add(out, desired.rscDefaults());
        add(out, desired.crmConfig());
        StonithDevice.toCib(Optional.of(withoutRemotes.maas().orElse(PLACEHOLDER_MAAS)), List.of(PLACEHOLDER))
                .ifPresent(device -> add(out, device));
        for (XmlNode section : live.children()) {
            if (section.tag().equals("nodes")) {
                continue; // a remote's node entry has the remote's name as its id
            }
            for (XmlNode object : section.children()) {
                boolean remotes = RemoteResources.isConnection(object)
                        || (object.tag().equals("rsc_location") && object.id().startsWith("loc-"));
                if (!remotes) {
                    add(out, object);
                }
            }
        }
        return out;
    }

    private static void add(Map<String, String> out, XmlNode top) {
        String what = top.id().isEmpty() ? top.tag() : top.tag() + " " + top.id();
        if (!top.id().isEmpty()) {
            out.putIfAbsent(top.id(), what);
        }
        top.descendants().forEach(d -> {
            if (!d.id().isEmpty()) {
                out.putIfAbsent(d.id(), what);
            }
        });
    }
}
