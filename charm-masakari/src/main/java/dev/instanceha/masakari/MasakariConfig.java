package dev.instanceha.masakari;

import dev.instanceha.ops.log.Shown;
import dev.instanceha.interfaces.tls.KeyPairCheck;
import dev.instanceha.ops.model.CharmConfig;
import dev.instanceha.ops.model.ConfigException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The charm's options, read once per hook and checked: a bad value names its key. */
public record MasakariConfig(
        PackageOrigin origin,
        boolean actionManagedUpgrade,
        String region,
        boolean debug,
        boolean useSyslog,
        boolean useInternalEndpoints,
        Engine engine,
        Optional<Integer> notificationExpiration,
        Optional<Integer> checkExpiredInterval,
        Optional<Double> workerMultiplier,
        List<String> vips,
        String vipIface,
        int vipCidr,
        boolean dnsHa,
        EndpointHostnames hostnames,
        Optional<ManualTls> manualTls) {

    /** Engine behaviour: what masakari-engine does with a failure. */
    public record Engine(int evacuationDelay, boolean evacuateAllInstances, boolean ignoreInstancesInErrorState,
                         boolean addReservedHostToAggregate, boolean processAllInstances, String haEnabledMetadataKey,
                         int waitPeriodAfterEvacuation, int waitPeriodAfterPowerOff, int waitPeriodAfterPowerOn,
                         int duplicateNotificationDetectionInterval, int hostFailureRecoveryThreads) {
    }

    /** os-{public,internal,admin}-hostname: names to publish in Keystone instead of addresses. */
    public record EndpointHostnames(Optional<String> publicName, Optional<String> internalName,
                                    Optional<String> adminName) {
    }

    /** ssl_cert/ssl_key/ssl_ca given in config (PEM, decoded from base64). */
    public record ManualTls(String certPem, String keyPem, Optional<String> caPem) {
        /** Blocks naming ssl_cert or ssl_key unless the key parses and belongs to the certificate. */
        void checkPair() {
            KeyPairCheck.check(certPem, keyPem).ifPresent(problem -> {
                throw new ConfigException(problem.part() == KeyPairCheck.Part.KEY ? "ssl_key" : "ssl_cert",
                        problem.description() + (problem.part() == KeyPairCheck.Part.KEY
                                ? ": set it to base64 of ssl_cert's own unencrypted private key"
                                : ": set it to base64 of the server's PEM certificate"));
            });
        }

        @Override
        public String toString() {
            return "ManualTls[cert present, key ***, ca " + (caPem.isPresent() ? "present" : "absent") + "]";
        }
    }

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

    public static MasakariConfig from(CharmConfig c) {
        Engine engine = new Engine(
                nonNegative(c, "evacuation-delay"), c.bool("evacuate-all-instances"),
                c.bool("ignore-instances-in-error-state"), c.bool("add-reserved-host-to-aggregate"),
                c.bool("process-all-instances"), metadataKey(c),
                nonNegative(c, "wait-period-after-evacuation"), nonNegative(c, "wait-period-after-power-off"),
                nonNegative(c, "wait-period-after-power-on"),
                nonNegative(c, "duplicate-notification-detection-interval"),
                range(c, "host-failure-recovery-threads", 1, 64));
        Optional<Double> multiplier = c.string("worker-multiplier").map(ignored -> c.number("worker-multiplier"));
        List<String> vips = vips(c);
        int vipCidr = range(c, "vip_cidr", 1, 128);
        if (vipCidr > 32 && vips.stream().anyMatch(v -> !v.contains(":"))) {
            throw new ConfigException("vip_cidr", "must be at most 32 for an IPv4 vip, not " + vipCidr);
        }
        for (String network : List.of("os-admin-network", "os-internal-network", "os-public-network",
                "os-data-network")) {
            cidr(c, network);
        }
        for (String timeout : List.of("haproxy-server-timeout", "haproxy-client-timeout", "haproxy-queue-timeout",
                "haproxy-connect-timeout")) {
            if (c.values().containsKey(timeout)) {
                range(c, timeout, 0, 86_400_000);
            }
        }
        if (multiplier.isPresent() && !(multiplier.get() > 0 && multiplier.get() <= 64)) {
            throw new ConfigException("worker-multiplier", "must be above 0 and at most 64, not " + multiplier.get());
        }
        return new MasakariConfig(
                PackageOrigin.parse(c.string("openstack-origin").orElse("distro")),
                c.bool("action-managed-upgrade"),
                hostnameLike(c, "region", Pattern.compile("[A-Za-z0-9_.-]{1,64}")),
                c.bool("debug"), c.bool("use-syslog"), c.bool("use-internal-endpoints"),
                engine,
                optionalPositive(c, "notification-expiration"), optionalPositive(c, "check-expired-interval"),
                multiplier,
                vips, vipIface(c), vipCidr, dnsHa(c, vips),
                new EndpointHostnames(hostname(c, "os-public-hostname"), hostname(c, "os-internal-hostname"),
                        hostname(c, "os-admin-hostname")),
                manualTls(c));
    }

    private static int nonNegative(CharmConfig c, String key) {
        return range(c, key, 0, 86_400 * 30);
    }

    private static int range(CharmConfig c, String key, int min, int max) {
        long value = c.integer(key);
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    private static Optional<Integer> optionalPositive(CharmConfig c, String key) {
        if (!c.values().containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(range(c, key, 1, Integer.MAX_VALUE));
    }

    private static String metadataKey(CharmConfig c) {
        return hostnameLike(c, "ha-enabled-instance-metadata-key", Pattern.compile("[A-Za-z0-9_.:-]{1,255}"));
    }

    private static String hostnameLike(CharmConfig c, String key, Pattern pattern) {
        String value = c.requireString(key);
        if (!pattern.matcher(value).matches()) {
            throw new ConfigException(key, "has characters it may not contain: " + Shown.value(value));
        }
        return value;
    }

    private static Optional<String> hostname(CharmConfig c, String key) {
        Optional<String> value = c.string(key);
        if (value.isPresent() && !(HOSTNAME.matcher(value.get()).matches() && !numericTopLabel(value.get()))) {
            throw new ConfigException(key, "must be a DNS hostname, not " + Shown.value(value.get()));
        }
        return value;
    }

    private static List<String> vips(CharmConfig c) {
        List<String> out = new ArrayList<>();
        for (String vip : c.string("vip").orElse("").split("\\s+")) {
            if (vip.isEmpty()) {
                continue;
            }
            if (!isIpLiteral(vip)) {
                throw new ConfigException("vip", "must be space-separated IP addresses, and " + Shown.value(vip)
                        + " is not one");
            }
            out.add(vip);
        }
        return List.copyOf(out);
    }

    private static String vipIface(CharmConfig c) {
        String value = c.string("vip_iface").orElse("eth0");
        if (!INTERFACE.matcher(value).matches()) {
            throw new ConfigException("vip_iface", "must be a network interface name, not " + Shown.value(value));
        }
        return value;
    }

    /** RFC 1123: a top-level label is never all digits, so "10.0.0.300" is a bad address, not a name. */
    private static boolean numericTopLabel(String name) {
        String[] labels = (name.endsWith(".") ? name.substring(0, name.length() - 1) : name).split("\\.");
        return labels[labels.length - 1].chars().allMatch(Character::isDigit) && !isIpLiteral(name);
    }

    /** Space-separated CIDRs (networks the operator names); unset is fine. */
    private static void cidr(CharmConfig c, String key) {
        for (String network : c.string(key).orElse("").split("\\s+")) {
            if (network.isEmpty()) {
                continue;
            }
            int slash = network.indexOf('/');
            String address = slash < 0 ? network : network.substring(0, slash);
            String bits = slash < 0 ? "" : network.substring(slash + 1);
            int max = address.contains(":") ? 128 : 32;
            boolean ok = isIpLiteral(address) && bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
            if (!ok) {
                throw new ConfigException(key, "must be space-separated networks in CIDR form such as 10.5.0.0/24, and "
                        + Shown.value(network) + " is not one");
            }
        }
    }

    /** DNS HA (MAAS DNS records instead of a VIP) is not implemented here: saying so beats ignoring it. */
    private static boolean dnsHa(CharmConfig c, List<String> vips) {
        if (!c.bool("dns-ha")) {
            return false;
        }
        throw new ConfigException("dns-ha", vips.isEmpty()
                ? "is not supported by this charm: set it to false and use vip with hacluster"
                : "and vip are mutually exclusive, and dns-ha is not supported by this charm: set dns-ha to false");
    }

    /** Literal IPv4/IPv6 only: InetAddress would otherwise resolve names through DNS. */
    static boolean isIpLiteral(String text) {
        boolean v4 = text.matches("(\\d{1,3}\\.){3}\\d{1,3}")
                && java.util.Arrays.stream(text.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Optional<ManualTls> manualTls(CharmConfig c) {
        Optional<String> cert = pem(c, "ssl_cert", "CERTIFICATE");
        Optional<String> key = pem(c, "ssl_key", "PRIVATE KEY");
        Optional<String> ca = pem(c, "ssl_ca", "CERTIFICATE");
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(cert.isPresent() ? "ssl_key" : "ssl_cert",
                    "must be set together with " + (cert.isPresent() ? "ssl_cert" : "ssl_key"));
        }
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(problem -> {
            throw new ConfigException("ssl_ca", problem + ": set it to base64 of the CA's PEM certificate");
        });
        return cert.map(certPem -> new ManualTls(certPem, key.get(), ca));
    }

    private static Optional<String> pem(CharmConfig c, String key, String kind) {
        Optional<String> value = c.string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String pem;
        try {
            pem = new String(Base64.getMimeDecoder().decode(value.get()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "must be base64-encoded PEM (base64 -w0 file.pem)");
        }
        if (!pem.contains("-----BEGIN ") || !pem.contains(kind)) {
            throw new ConfigException(key, "must be base64 of a PEM " + kind.toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(pem);
    }
}
