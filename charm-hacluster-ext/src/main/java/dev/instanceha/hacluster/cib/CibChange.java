package dev.instanceha.hacluster.cib;

import dev.instanceha.ops.host.Command;
import java.time.Duration;
import java.util.List;

/**
 * One change to the live CIB: what it does (for logs and statuses) and to which object. A plan of
 * them is committed as one patch ({@link CibPatch}); {@link #command()} is the same change as a
 * single pacemaker CLI call, for tools and tests that apply one step by hand.
 *
 * @param objectId the CIB object (or property, or node) concerned
 * @param section where the object lives under {@code <configuration>} ({@code configuration} itself
 *     for a whole optional section such as rsc_defaults)
 * @param object the object (for a delete: the live one)
 * @param value a property's value; empty otherwise
 */
public record CibChange(String objectId, String description, Kind kind, String section, XmlNode object, String value) {
    /** A CIB update on a healthy cluster takes well under a second; a hung CIB manager must not hold the hook. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    public enum Kind {
        CREATE,
        REPLACE,
        DELETE,
        PROPERTY,
        FORGET_NODE
    }

    static CibChange create(String section, XmlNode object) {
        return new CibChange(
                object.id(), "create " + object.tag() + " " + object.id(), Kind.CREATE, section, object, "");
    }

    /** Creates {@code wrapper} (a whole section holding object {@code objectId}) in {@code section}. */
    static CibChange create(String section, XmlNode wrapper, String objectId) {
        return new CibChange(
                objectId, "create " + wrapper.tag() + " with " + objectId, Kind.CREATE, section, wrapper, "");
    }

    static CibChange replace(String section, XmlNode object) {
        return new CibChange(
                object.id(), "update " + object.tag() + " " + object.id(), Kind.REPLACE, section, object, "");
    }

    static CibChange delete(String section, XmlNode object) {
        return new CibChange(
                object.id(), "delete " + object.tag() + " " + object.id(), Kind.DELETE, section, object, "");
    }

    static CibChange property(String name, String value) {
        return new CibChange(
                name,
                "set cluster property " + name + "=" + value,
                Kind.PROPERTY,
                "crm_config",
                XmlNode.leaf("nvpair", Cib.attrs("name", name, "value", value)),
                value);
    }

    /**
     * Forgets a remote node that no longer exists (its node entry and status), as upstream's tests do
     * by hand. Not part of the CIB patch: crm_node also clears the node from the daemons' caches.
     */
    static CibChange forgetNode(String node) {
        return new CibChange(
                node,
                "remove node " + node,
                Kind.FORGET_NODE,
                "nodes",
                XmlNode.leaf("node", Cib.attrs("uname", node)),
                "");
    }

    /** The change as one pacemaker CLI call of its own (not atomic with the rest of a plan). */
    public Command command() {
        return switch (kind) {
            case CREATE -> cibadmin("--create", section, object.toXml());
            case REPLACE -> cibadmin("--replace", section, object.toXml());
            case DELETE ->
                cibadmin(
                        "--delete",
                        section,
                        XmlNode.leaf(object.tag(), Cib.attrs("id", object.id())).toXml());
            case PROPERTY ->
                Command.of("crm_attribute", "--type", "crm_config", "--name", objectId, "--update", value)
                        .withTimeout(TIMEOUT);
            case FORGET_NODE ->
                Command.of("crm_node", "--force", "--remove", objectId).withTimeout(TIMEOUT);
        };
    }

    private static Command cibadmin(String op, String section, String xml) {
        return new Command(
                List.of("cibadmin", op, "--scope", section, "--xml-text", xml), null, TIMEOUT, java.util.Map.of());
    }
}
