package dev.instanceha.hacluster.cib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CIB as read at one moment: the root's attributes (its version: admin_epoch, epoch,
 * num_updates) and the {@code <configuration>}. A patch computed from it applies only to that version.
 */
public record CibSnapshot(Map<String, String> root, XmlNode configuration) {
    public CibSnapshot {
        root = Collections.unmodifiableMap(new LinkedHashMap<>(root));
    }

    /** From {@code cibadmin --query} output (the whole {@code <cib>}). */
    public static CibSnapshot of(XmlNode cib) {
        if (!cib.tag().equals("cib")) {
            throw new IllegalArgumentException("not a CIB: <" + cib.tag() + ">");
        }
        XmlNode configuration = cib.child("configuration")
                .orElseThrow(() -> new IllegalArgumentException("the CIB has no configuration"));
        return new CibSnapshot(cib.attributes(), configuration);
    }

    public int version(String field) {
        try {
            return Integer.parseInt(root.getOrDefault(field, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** This snapshot as a whole {@code <cib>} document (status left out), e.g. for {@code CIB_file=}. */
    public String toDocument() {
        return XmlNode.of("cib", root, List.of(configuration, XmlNode.leaf("status", Map.of())))
                .toPrettyXml();
    }
}
