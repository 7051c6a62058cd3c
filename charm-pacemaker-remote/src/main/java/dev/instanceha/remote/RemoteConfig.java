package dev.instanceha.remote;

import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigException;
import java.util.Optional;

/**
 * The charm's options, read once per hook and checked: a bad value throws a {@link ConfigException}
 * naming the option, which the framework shows as {@code blocked}.
 *
 * @param remoteHostname override of the node name the cluster uses (default: the machine's FQDN)
 * @param stonithHostname override of the name MAAS knows (default: the machine's FQDN)
 */
public record RemoteConfig(boolean enableStonith, boolean enableResources, Optional<String> remoteHostname,
                           Optional<String> stonithHostname) {

    public static RemoteConfig from(CharmConfig c) {
        boolean stonith = c.bool("enable-stonith");
        Optional<String> stonithHostname = hostname(c, "stonith-hostname");
        if (stonithHostname.isPresent() && !stonith) {
            // A fencing name that is silently not used would leave the node unfenced: say so.
            throw new ConfigException("stonith-hostname", "is set but enable-stonith is false: set "
                    + "enable-stonith=true to have this node fenced, or unset stonith-hostname");
        }
        return new RemoteConfig(stonith, c.bool("enable-resources"), hostname(c, "remote-hostname"),
                stonithHostname);
    }

    /** A DNS name: pacemaker node names and MAAS machine names are names, never addresses. */
    private static Optional<String> hostname(CharmConfig c, String key) {
        Optional<String> value = c.string(key);
        if (value.isPresent() && !isHostname(value.get())) {
            throw new ConfigException(key, "must be a DNS host name such as compute-1.maas, not '"
                    + value.get() + "'");
        }
        return value;
    }

    static boolean isHostname(String text) {
        return MachineHostname.isHostname(text);
    }
}
