package dev.instanceha.interfaces.pacemaker;

import dev.instanceha.interfaces.Net;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a remote node's name must be: the connection resource's id in the CIB, hence an XML ID as
 * pacemaker's schema types it (an NCName: a letter or '_' first, then letters, digits, '.', '-',
 * '_'; cibadmin refuses "Type ID doesn't allow value '1compute'"), and a DNS host name that is not
 * an address (Nova and Masakari know the host by it). A top-level label of digits only
 * ({@code 10.0.0.300}) is an address typo, never a host name (RFC 3696 §2).
 */
public final class RemoteNodeName {
    private static final Pattern NCNAME_ASCII = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private RemoteNodeName() {}

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** Why {@code name} cannot name a remote node, in words an operator can act on; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (Net.isIp(name)) {
            return Optional.of("is an IP address, not a host name");
        }
        if (!isDnsName(name)) {
            return Optional.of("is not a DNS host name");
        }
        if (!NCNAME_ASCII.matcher(name).matches()) {
            return Optional.of("is not a valid pacemaker id: it must start with a letter or '_'");
        }
        return Optional.empty();
    }

    /**
     * A DNS name, never an address, without a trailing dot ({@link Net#isHost} already refuses an
     * all-digit top-level label).
     */
    public static boolean isDnsName(String name) {
        return name != null && Net.isHost(name) && !Net.isIp(name) && !name.endsWith(".");
    }
}
