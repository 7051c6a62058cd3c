package dev.instanceha.hacluster;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instanceha.hacluster.corosync.Transport;
import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.Secret;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options this charm acts on, bound from config once per hook ({@code config().as(HaclusterConfig.class)})
 * and checked while binding. A bad value throws a {@link ConfigException} naming the option (shown
 * as blocked); for the two checks upstream has its own words for, the exception carries upstream's
 * exact status text.
 *
 * @param corosyncKey base64 from config; empty means "use the leader's generated key"
 * @param pacemakerKey base64 from config; empty means "use the leader's generated key"
 * @param maas both MAAS options, present only when both are set
 */
public record HaclusterConfig(
        int clusterCount,
        Transport transport,
        String mcastAddr,
        Optional<Integer> mcastPort,
        Optional<Integer> netmtu,
        boolean debug,
        Optional<Secret> corosyncKey,
        Optional<Secret> pacemakerKey,
        Optional<MaasSettings> maas,
        ClusterOptions cluster) {

    /** knet refuses keys shorter than 1024 bits. */
    static final int MIN_KNET_KEY_BYTES = 128;
    /** corosync's maximum number of nodes in a cluster (its PROCESSOR_COUNT_MAX). */
    static final long MAX_NODES = 384;

    static final List<String> NO_QUORUM_POLICIES = List.of("ignore", "freeze", "stop", "suicide");
    /** corosync reads at most 4096 bytes of its authkey; a longer one would be cut, not used. */
    static final int MAX_KEY_BYTES = 4096;

    /** Jackson's way in: the options as config.yaml names them, checked in upstream's order. */
    @JsonCreator
    static HaclusterConfig bind(
            @JsonProperty("stonith_enabled") String stonithEnabled,
            @JsonProperty("no_quorum_policy") String noQuorumPolicy,
            @JsonProperty("cluster_count") long clusterCount,
            @JsonProperty("corosync_transport") String transport,
            @JsonProperty("corosync_mcastaddr") String mcastAddr,
            @JsonProperty("corosync_mcastport") Long mcastPort,
            @JsonProperty("netmtu") Long netmtu,
            @JsonProperty("corosync_key") Secret corosyncKey,
            @JsonProperty("pacemaker_key") Secret pacemakerKey,
            @JsonProperty("failure_timeout") long failureTimeout,
            @JsonProperty("cluster_recheck_interval") long recheckInterval,
            @JsonProperty("maintenance-mode") boolean maintenanceMode,
            @JsonProperty("debug") boolean debug,
            @JsonProperty("maas_url") String maasUrl,
            @JsonProperty("maas_credentials") Secret maasCredentials,
            @JsonProperty("maas_power_timeout") long maasPowerTimeout) {
        if (text(stonithEnabled).map(v -> !v.equalsIgnoreCase("false")).orElse(false)) {
            throw new StatusException(Status.blocked("stonith_enabled config option is no longer supported"));
        }
        String policy = text(noQuorumPolicy).orElse("stop").toLowerCase(Locale.ROOT);
        if (!NO_QUORUM_POLICIES.contains(policy)) {
            throw new StatusException(Status.blocked("Invalid no_quorum_policy specified"));
        }
        // Range-checked as a long, before any narrowing: 2^32 + 1 must not become 1.
        if (clusterCount < 1 || clusterCount > MAX_NODES) {
            throw new ConfigException(
                    "cluster_count", "must be between 1 and " + MAX_NODES + " (corosync's node limit)");
        }
        String transportName = text(transport).orElse("unicast");
        Transport parsed = Transport.parse(transportName)
                .orElseThrow(() -> new ConfigException(
                        "corosync_transport",
                        "Unsupported corosync_transport type '" + transportName
                                + "': use knet, unicast (udpu) or multicast (udp)"));
        String group = text(mcastAddr).orElse("226.94.1.1");
        if (parsed == Transport.UDP && !isMulticast(group)) {
            throw new ConfigException("corosync_mcastaddr", "must be a multicast IP address such as 226.94.1.1");
        }
        Optional<Integer> port =
                bounded("corosync_mcastport", mcastPort, 1, 65535, "must be a port between 1 and 65535");
        Optional<Integer> mtu = bounded("netmtu", netmtu, 576, 65536, "must be between 576 and 65536");
        Optional<Secret> corosync = key("corosync_key", corosyncKey, parsed == Transport.KNET ? MIN_KNET_KEY_BYTES : 1);
        Optional<Secret> pacemaker = key("pacemaker_key", pacemakerKey, 1);
        ClusterOptions cluster = new ClusterOptions(
                policy,
                atLeast("failure_timeout", failureTimeout, 0),
                atLeast("cluster_recheck_interval", recheckInterval, 1),
                maintenanceMode);
        return new HaclusterConfig(
                (int) clusterCount,
                parsed,
                group,
                port,
                mtu,
                debug,
                corosync,
                pacemaker,
                MaasSettings.of(text(maasUrl), Optional.ofNullable(maasCredentials), maasPowerTimeout),
                cluster);
    }

    /** A string option; blank counts as unset, as Juju users expect of "". */
    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Base64 with at least {@code minBytes} decoded; the message never echoes the value. */
    private static Optional<Secret> key(String option, Secret value, int minBytes) {
        if (value == null) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.reveal());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, "is not valid base64");
        }
        if (decoded.length < minBytes) {
            throw new ConfigException(
                    option,
                    "is too short: it must decode to at least " + minBytes
                            + " bytes (dd if=/dev/urandom bs=256 count=1 | base64 -w0)");
        }
        if (decoded.length > MAX_KEY_BYTES) {
            throw new ConfigException(
                    option,
                    "is too long: it decodes to " + decoded.length + " bytes, at most " + MAX_KEY_BYTES
                            + " are used (dd if=/dev/urandom bs=256 count=1 | base64 -w0)");
        }
        return Optional.of(value);
    }

    /** IPv4 224.0.0.0/4 or IPv6 ff00::/8: corosync's udp transport joins this group. */
    static boolean isMulticast(String address) {
        if (Net.isIpv4(address)) {
            int first = Integer.parseInt(address.substring(0, address.indexOf('.')));
            return first >= 224 && first <= 239;
        }
        return Net.isIpv6(address) && address.toLowerCase(Locale.ROOT).startsWith("ff");
    }

    private static long atLeast(String option, long value, long min) {
        if (value < min) {
            throw new ConfigException(option, "must be at least " + min);
        }
        return value;
    }

    private static Optional<Integer> bounded(String option, Long value, long min, long max, String message) {
        if (value == null) {
            return Optional.empty();
        }
        if (value < min || value > max) {
            throw new ConfigException(option, message);
        }
        return Optional.of(value.intValue());
    }
}
