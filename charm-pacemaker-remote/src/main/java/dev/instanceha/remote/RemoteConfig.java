package dev.instanceha.remote;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instanceha.interfaces.pacemaker.RemoteNodeName;
import dev.instanceha.ops.model.ConfigException;
import java.util.Optional;

/**
 * The charm's options, bound from config and checked: a bad value throws a {@link ConfigException}
 * naming the option, which the framework shows as {@code blocked}.
 *
 * @param remoteHostname override of the node name the cluster uses (default: the machine's FQDN)
 * @param stonithHostname override of the name MAAS knows (default: the machine's FQDN)
 */
public record RemoteConfig(
        boolean enableStonith,
        boolean enableResources,
        Optional<String> remoteHostname,
        Optional<String> stonithHostname) {

    @JsonCreator
    static RemoteConfig bind(
            @JsonProperty("enable-stonith") boolean stonith,
            @JsonProperty("enable-resources") boolean enableResources,
            @JsonProperty("remote-hostname") String remoteHostnameText,
            @JsonProperty("stonith-hostname") String stonithHostnameText) {
        Optional<String> stonithHostname = hostname("stonith-hostname", stonithHostnameText);
        if (stonithHostname.isPresent() && !stonith) {
            // A fencing name that is silently not used would leave the node unfenced: say so.
            throw new ConfigException(
                    "stonith-hostname",
                    "is set but enable-stonith is false: set "
                            + "enable-stonith=true to have this node fenced, or unset stonith-hostname");
        }
        Optional<String> remoteHostname = hostname("remote-hostname", remoteHostnameText);
        remoteHostname.flatMap(RemoteNodeName::problem).ifPresent(why -> {
            // cibadmin refuses such an id, so the cluster could never register this node.
            throw new ConfigException(
                    "remote-hostname",
                    quoted(remoteHostname.get()) + why + " (pacemaker uses this name as the node's resource id)");
        });
        return new RemoteConfig(stonith, enableResources, remoteHostname, stonithHostname);
    }

    /** A DNS name: pacemaker node names and MAAS machine names are names, never addresses. "" is unset. */
    private static Optional<String> hostname(String key, String text) {
        Optional<String> value = Optional.ofNullable(text).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isPresent() && !RemoteNodeName.isDnsName(value.get())) {
            throw new ConfigException(
                    key,
                    "must be a DNS host name such as compute-1.maas"
                            + (quoted(value.get()).isEmpty()
                                    ? ""
                                    : ", not " + quoted(value.get()).strip()));
        }
        return value;
    }

    /** A value worth echoing in a status (short, printable), quoted with a trailing space; else nothing. */
    static String quoted(String value) {
        return value.length() <= 64 && value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f) ? "'" + value + "' " : "";
    }
}
