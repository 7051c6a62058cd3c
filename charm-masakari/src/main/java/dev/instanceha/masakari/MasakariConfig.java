package dev.instanceha.masakari;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instanceha.interfaces.tls.KeyPairCheck;
import dev.instanceha.ops.log.Shown;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.Secret;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The charm's options, bound from config once per hook ({@code config().as(MasakariConfig.class)}) and
 * checked while binding: a bad value throws a {@link ConfigException} naming its key (shown as blocked).
 */
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
    public record Engine(
            int evacuationDelay,
            boolean evacuateAllInstances,
            boolean ignoreInstancesInErrorState,
            boolean addReservedHostToAggregate,
            boolean processAllInstances,
            String haEnabledMetadataKey,
            int waitPeriodAfterEvacuation,
            int waitPeriodAfterPowerOff,
            int waitPeriodAfterPowerOn,
            int duplicateNotificationDetectionInterval,
            int hostFailureRecoveryThreads) {}

    /** os-{public,internal,admin}-hostname: names to publish in Keystone instead of addresses. */
    public record EndpointHostnames(
            Optional<String> publicName, Optional<String> internalName, Optional<String> adminName) {}

    /** ssl_cert/ssl_key/ssl_ca given in config (PEM, decoded from base64); the key stays a {@link Secret}. */
    public record ManualTls(String certPem, Secret keyPem, Optional<String> caPem) {
        /** Blocks naming ssl_cert or ssl_key unless the key parses and belongs to the certificate. */
        void checkPair() {
            KeyPairCheck.check(certPem, keyPem.reveal()).ifPresent(problem -> {
                throw new ConfigException(
                        problem.part() == KeyPairCheck.Part.KEY ? "ssl_key" : "ssl_cert",
                        problem.description()
                                + (problem.part() == KeyPairCheck.Part.KEY
                                        ? ": set it to base64 of ssl_cert's own unencrypted private key"
                                        : ": set it to base64 of the server's PEM certificate"));
            });
        }
    }

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

    /** Jackson's way in: the options as config.yaml names them, each checked before the record exists. */
    @JsonCreator
    static MasakariConfig bind(
            @JsonProperty("openstack-origin") String origin,
            @JsonProperty("action-managed-upgrade") boolean actionManagedUpgrade,
            @JsonProperty("region") String region,
            @JsonProperty("debug") boolean debug,
            @JsonProperty("use-syslog") boolean useSyslog,
            @JsonProperty("use-internal-endpoints") boolean useInternalEndpoints,
            @JsonProperty("evacuation-delay") long evacuationDelay,
            @JsonProperty("evacuate-all-instances") boolean evacuateAllInstances,
            @JsonProperty("ignore-instances-in-error-state") boolean ignoreInstancesInError,
            @JsonProperty("add-reserved-host-to-aggregate") boolean addReservedHostToAggregate,
            @JsonProperty("process-all-instances") boolean processAllInstances,
            @JsonProperty("ha-enabled-instance-metadata-key") String metadataKey,
            @JsonProperty("wait-period-after-evacuation") long afterEvacuation,
            @JsonProperty("wait-period-after-power-off") long afterPowerOff,
            @JsonProperty("wait-period-after-power-on") long afterPowerOn,
            @JsonProperty("duplicate-notification-detection-interval") long duplicateInterval,
            @JsonProperty("host-failure-recovery-threads") long recoveryThreads,
            @JsonProperty("notification-expiration") Long notificationExpiration,
            @JsonProperty("check-expired-interval") Long checkExpiredInterval,
            @JsonProperty("os-admin-network") String adminNetwork,
            @JsonProperty("os-internal-network") String internalNetwork,
            @JsonProperty("os-public-network") String publicNetwork,
            @JsonProperty("os-data-network") String dataNetwork,
            @JsonProperty("os-public-hostname") String publicHostname,
            @JsonProperty("os-internal-hostname") String internalHostname,
            @JsonProperty("os-admin-hostname") String adminHostname,
            // float in config.yaml, but a hand-edited model may hand it over as text
            @JsonProperty("worker-multiplier") String workerMultiplier,
            @JsonProperty("haproxy-server-timeout") Long haproxyServerTimeout,
            @JsonProperty("haproxy-client-timeout") Long haproxyClientTimeout,
            @JsonProperty("haproxy-queue-timeout") Long haproxyQueueTimeout,
            @JsonProperty("haproxy-connect-timeout") Long haproxyConnectTimeout,
            @JsonProperty("dns-ha") boolean dnsHa,
            @JsonProperty("vip") String vip,
            @JsonProperty("vip_iface") String vipIface,
            @JsonProperty("vip_cidr") long vipCidr,
            @JsonProperty("ssl_cert") String sslCert,
            @JsonProperty("ssl_key") Secret sslKey,
            @JsonProperty("ssl_ca") String sslCa) {
        Engine engine = new Engine(
                nonNegative("evacuation-delay", evacuationDelay),
                evacuateAllInstances,
                ignoreInstancesInError,
                addReservedHostToAggregate,
                processAllInstances,
                matching("ha-enabled-instance-metadata-key", metadataKey, Pattern.compile("[A-Za-z0-9_.:-]{1,255}")),
                nonNegative("wait-period-after-evacuation", afterEvacuation),
                nonNegative("wait-period-after-power-off", afterPowerOff),
                nonNegative("wait-period-after-power-on", afterPowerOn),
                nonNegative("duplicate-notification-detection-interval", duplicateInterval),
                range("host-failure-recovery-threads", recoveryThreads, 1, 64));
        Optional<Double> multiplier = text(workerMultiplier).map(MasakariConfig::number);
        List<String> vips = vips(vip);
        int cidrBits = range("vip_cidr", vipCidr, 1, 128);
        if (cidrBits > 32 && vips.stream().anyMatch(v -> !v.contains(":"))) {
            throw new ConfigException("vip_cidr", "must be at most 32 for an IPv4 vip, not " + cidrBits);
        }
        cidr("os-admin-network", adminNetwork);
        cidr("os-internal-network", internalNetwork);
        cidr("os-public-network", publicNetwork);
        cidr("os-data-network", dataNetwork);
        optionalRange("haproxy-server-timeout", haproxyServerTimeout, 0, 86_400_000);
        optionalRange("haproxy-client-timeout", haproxyClientTimeout, 0, 86_400_000);
        optionalRange("haproxy-queue-timeout", haproxyQueueTimeout, 0, 86_400_000);
        optionalRange("haproxy-connect-timeout", haproxyConnectTimeout, 0, 86_400_000);
        if (multiplier.isPresent() && !(multiplier.get() > 0 && multiplier.get() <= 64)) {
            throw new ConfigException("worker-multiplier", "must be above 0 and at most 64, not " + multiplier.get());
        }
        return new MasakariConfig(
                PackageOrigin.parse(text(origin).orElse("distro")),
                actionManagedUpgrade,
                matching("region", region, Pattern.compile("[A-Za-z0-9_.-]{1,64}")),
                debug,
                useSyslog,
                useInternalEndpoints,
                engine,
                optionalRange("notification-expiration", notificationExpiration, 1, Integer.MAX_VALUE),
                optionalRange("check-expired-interval", checkExpiredInterval, 1, Integer.MAX_VALUE),
                multiplier,
                vips,
                interfaceName(vipIface),
                cidrBits,
                dnsHa(dnsHa, vips),
                new EndpointHostnames(
                        hostname("os-public-hostname", publicHostname),
                        hostname("os-internal-hostname", internalHostname),
                        hostname("os-admin-hostname", adminHostname)),
                manualTls(sslCert, sslKey, sslCa));
    }

    /** A string option as Juju users expect it: surrounding blanks dropped, "" is unset. */
    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException("worker-multiplier", "must be a number, not " + Shown.value(text));
        }
    }

    private static int nonNegative(String key, long value) {
        return range(key, value, 0, 86_400 * 30);
    }

    /** Range-checked as a long, before any narrowing: 2^32 + 1 must not become 1. */
    private static int range(String key, long value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    /** An option without a default: unset is fine. */
    private static Optional<Integer> optionalRange(String key, Long value, int min, int max) {
        return Optional.ofNullable(value).map(v -> range(key, v, min, max));
    }

    private static String matching(String key, String text, Pattern pattern) {
        String value = text(text)
                .orElseThrow(() ->
                        new ConfigException(key, "is required: set it with `juju config <app> " + key + "=<value>`"));
        if (!pattern.matcher(value).matches()) {
            throw new ConfigException(key, "has characters it may not contain: " + Shown.value(value));
        }
        return value;
    }

    private static Optional<String> hostname(String key, String text) {
        Optional<String> value = text(text);
        if (value.isPresent() && !(HOSTNAME.matcher(value.get()).matches() && !numericTopLabel(value.get()))) {
            throw new ConfigException(key, "must be a DNS hostname, not " + Shown.value(value.get()));
        }
        return value;
    }

    private static List<String> vips(String text) {
        List<String> out = new ArrayList<>();
        for (String vip : text(text).orElse("").split("\\s+")) {
            if (vip.isEmpty()) {
                continue;
            }
            if (!isIpLiteral(vip)) {
                throw new ConfigException(
                        "vip", "must be space-separated IP addresses, and " + Shown.value(vip) + " is not one");
            }
            out.add(vip);
        }
        return List.copyOf(out);
    }

    private static String interfaceName(String text) {
        String value = text(text).orElse("eth0");
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
    private static void cidr(String key, String text) {
        for (String network : text(text).orElse("").split("\\s+")) {
            if (network.isEmpty()) {
                continue;
            }
            int slash = network.indexOf('/');
            String address = slash < 0 ? network : network.substring(0, slash);
            String bits = slash < 0 ? "" : network.substring(slash + 1);
            int max = address.contains(":") ? 128 : 32;
            boolean ok = isIpLiteral(address) && bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
            if (!ok) {
                throw new ConfigException(
                        key,
                        "must be space-separated networks in CIDR form such as 10.5.0.0/24, and " + Shown.value(network)
                                + " is not one");
            }
        }
    }

    /** DNS HA (MAAS DNS records instead of a VIP) is not implemented here: saying so beats ignoring it. */
    private static boolean dnsHa(boolean dnsHa, List<String> vips) {
        if (!dnsHa) {
            return false;
        }
        throw new ConfigException(
                "dns-ha",
                vips.isEmpty()
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

    private static Optional<ManualTls> manualTls(String sslCert, Secret sslKey, String sslCa) {
        Optional<String> cert = pem("ssl_cert", text(sslCert), "CERTIFICATE");
        // Only the key file sees the decoded key (ApiServer reveals it there).
        Optional<Secret> key = pem("ssl_key", Optional.ofNullable(sslKey).map(Secret::reveal), "PRIVATE KEY")
                .map(Secret::of);
        Optional<String> ca = pem("ssl_ca", text(sslCa), "CERTIFICATE");
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(
                    cert.isPresent() ? "ssl_key" : "ssl_cert",
                    "must be set together with " + (cert.isPresent() ? "ssl_cert" : "ssl_key"));
        }
        ca.flatMap(KeyPairCheck::certificateProblem).ifPresent(problem -> {
            throw new ConfigException("ssl_ca", problem + ": set it to base64 of the CA's PEM certificate");
        });
        return cert.map(certPem -> new ManualTls(certPem, key.get(), ca));
    }

    private static Optional<String> pem(String key, Optional<String> base64, String kind) {
        if (base64.isEmpty()) {
            return Optional.empty();
        }
        String pem;
        try {
            pem = new String(Base64.getMimeDecoder().decode(base64.get()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "must be base64-encoded PEM (base64 -w0 file.pem)");
        }
        if (!pem.contains("-----BEGIN ") || !pem.contains(kind)) {
            throw new ConfigException(key, "must be base64 of a PEM " + kind.toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(pem);
    }
}
