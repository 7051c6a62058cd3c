package dev.instanceha.hacluster.cib;

import dev.instanceha.ops.host.Command;
import java.time.Duration;
import java.util.List;

/**
 * One change to the live CIB: what it does (for logs) and the pacemaker CLI command doing it.
 *
 * @param objectId the CIB object (or property) concerned
 */
public record CibChange(String objectId, String description, Command command) {
    /** A CIB update on a healthy cluster takes well under a second; a hung CIB manager must not hold the hook. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static CibChange create(String section, XmlNode object) {
        return new CibChange(object.id(), "create " + object.tag() + " " + object.id(),
                cibadmin("--create", section, object.toXml()));
    }

    /** Creates {@code wrapper} (a whole section holding object {@code objectId}) in {@code section}. */
    static CibChange create(String section, XmlNode wrapper, String objectId) {
        return new CibChange(objectId, "create " + wrapper.tag() + " with " + objectId,
                cibadmin("--create", section, wrapper.toXml()));
    }

    static CibChange replace(String section, XmlNode object) {
        return new CibChange(object.id(), "update " + object.tag() + " " + object.id(),
                cibadmin("--replace", section, object.toXml()));
    }

    static CibChange delete(String section, XmlNode object) {
        String stub = XmlNode.leaf(object.tag(), Cib.attrs("id", object.id())).toXml();
        return new CibChange(object.id(), "delete " + object.tag() + " " + object.id(), cibadmin("--delete", section, stub));
    }

    static CibChange property(String name, String value) {
        return new CibChange(name, "set cluster property " + name + "=" + value, Command.of("crm_attribute",
                "--type", "crm_config", "--name", name, "--update", value).withTimeout(TIMEOUT));
    }

    /** Forgets a remote node that no longer exists (its node entry and status), as upstream's tests do by hand. */
    static CibChange forgetNode(String node) {
        return new CibChange(node, "remove node " + node,
                Command.of("crm_node", "--force", "--remove", node).withTimeout(TIMEOUT));
    }

    private static Command cibadmin(String op, String section, String xml) {
        return new Command(List.of("cibadmin", op, "--scope", section, "--xml-text", xml), null, TIMEOUT,
                java.util.Map.of());
    }
}
