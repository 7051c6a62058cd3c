package dev.instanceha.hacluster;

import dev.instanceha.hacluster.corosync.Transport;
import dev.instanceha.interfaces.Net;
import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The options this charm acts on, read once per hook and checked. A bad value throws a
 * {@link ConfigException} naming the option (shown as blocked); for the two checks upstream has
 * its own words for, the exception carries upstream's exact status text.
 *
 * @param corosyncKey base64 from config; empty means "use the leader's generated key"
 * @param pacemakerKey from config; empty means "use the leader's generated key"
 * @param maas both MAAS options, present only when both are set
 */
public record HaclusterConfig(int clusterCount, Transport transport, String mcastAddr, Optional<Integer> mcastPort,
                              Optional<Integer> netmtu, boolean debug, Optional<String> corosyncKey,
                              Optional<PacemakerKey> pacemakerKey, Optional<MaasSettings> maas,
                              ClusterOptions cluster) {

    /** knet refuses keys shorter than 1024 bits. */
    static final int MIN_KNET_KEY_BYTES = 128;
    /** corosync's maximum number of nodes in a cluster (its PROCESSOR_COUNT_MAX). */
    static final long MAX_NODES = 384;
    static final List<String> NO_QUORUM_POLICIES = List.of("ignore", "freeze", "stop", "suicide");

    public static HaclusterConfig from(CharmConfig c) {
        if (c.string("stonith_enabled").map(v -> !v.equalsIgnoreCase("false")).orElse(false)) {
            throw new StatusException(Status.blocked("stonith_enabled config option is no longer supported"));
        }
        String policy = c.string("no_quorum_policy").orElse("stop").toLowerCase(java.util.Locale.ROOT);
        if (!NO_QUORUM_POLICIES.contains(policy)) {
            throw new StatusException(Status.blocked("Invalid no_quorum_policy specified"));
        }
        int count = (int) bounded(c, "cluster_count", 1, MAX_NODES, "corosync's node limit");
        Transport transport = Transport.parse(c.string("corosync_transport").orElse("unicast"))
                .orElseThrow(() -> new ConfigException("corosync_transport", "Unsupported corosync_transport type '"
                        + c.string("corosync_transport").orElse("") + "': use knet, unicast (udpu) or multicast (udp)"));
        String mcastAddr = c.string("corosync_mcastaddr").orElse("226.94.1.1");
        if (transport == Transport.UDP && !isMulticast(mcastAddr)) {
            throw new ConfigException("corosync_mcastaddr", "must be a multicast IP address such as 226.94.1.1");
        }
        Optional<Integer> mcastPort = optionalInt(c, "corosync_mcastport", 1, 65535, "must be a port between 1 and 65535");
        Optional<Integer> netmtu = optionalInt(c, "netmtu", 576, 65536, "must be between 576 and 65536");
        Optional<String> corosyncKey = key(c, "corosync_key", transport == Transport.KNET ? MIN_KNET_KEY_BYTES : 1);
        Optional<PacemakerKey> pacemakerKey = key(c, "pacemaker_key", 1).map(PacemakerKey::new);
        ClusterOptions cluster = new ClusterOptions(policy, positive(c, "failure_timeout", 0),
                positive(c, "cluster_recheck_interval", 1), c.bool("maintenance-mode"));
        return new HaclusterConfig(count, transport, mcastAddr, mcastPort, netmtu, c.bool("debug"), corosyncKey,
                pacemakerKey, MaasSettings.from(c), cluster);
    }

    /** Base64 with at least {@code minBytes} decoded; the message never echoes the value. */
    static final int MAX_KEY_BYTES = 4096;

    private static Optional<String> key(CharmConfig c, String option, int minBytes) {
        Optional<String> value = c.string(option);
        if (value.isEmpty()) {
            return value;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, "is not valid base64");
        }
        if (decoded.length < minBytes) {
            throw new ConfigException(option, "is too short: it must decode to at least " + minBytes
                    + " bytes (dd if=/dev/urandom bs=256 count=1 | base64 -w0)");
        }
        if (decoded.length > MAX_KEY_BYTES) {
            // corosync reads at most 4096 bytes of its authkey; a longer one would be cut, not used.
            throw new ConfigException(option, "is too long: it decodes to " + decoded.length + " bytes, at most "
                    + MAX_KEY_BYTES + " are used (dd if=/dev/urandom bs=256 count=1 | base64 -w0)");
        }
        return value;
    }

    /** IPv4 224.0.0.0/4 or IPv6 ff00::/8: corosync's udp transport joins this group. */
    static boolean isMulticast(String address) {
        if (Net.isIpv4(address)) {
            int first = Integer.parseInt(address.substring(0, address.indexOf('.')));
            return first >= 224 && first <= 239;
        }
        return Net.isIpv6(address) && address.toLowerCase(java.util.Locale.ROOT).startsWith("ff");
    }

    private static long positive(CharmConfig c, String option, long min) {
        long value = c.integer(option);
        if (value < min) {
            throw new ConfigException(option, "must be at least " + min);
        }
        return value;
    }

    /** Range-checked as a long, before any narrowing: 2^32 + 1 must not become 1. */
    private static long bounded(CharmConfig c, String option, long min, long max, String why) {
        long value = c.integer(option);
        if (value < min || value > max) {
            throw new ConfigException(option, "must be between " + min + " and " + max + " (" + why + ")");
        }
        return value;
    }

    private static Optional<Integer> optionalInt(CharmConfig c, String option, long min, long max, String message) {
        if (c.values().get(option) == null || c.string(option).isEmpty()) {
            return Optional.empty();
        }
        long value = c.integer(option);
        if (value < min || value > max) {
            throw new ConfigException(option, message);
        }
        return Optional.of((int) value);
    }
}
