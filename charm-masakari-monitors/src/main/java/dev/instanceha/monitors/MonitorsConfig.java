package dev.instanceha.monitors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.ops.log.Shown;
import dev.instanceha.ops.model.ConfigException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The charm's options, bound from config once per hook and checked: a bad value throws a {@link ConfigException}
 * naming the option, which the framework shows as {@code blocked}.
 *
 * @param hostname override of the host name Masakari and pacemaker know (default: the machine's FQDN)
 * @param configFlags extra {@code [DEFAULT]} options, in the order given
 * @param processList the process monitor's list; default list when the option is unset
 */
public record MonitorsConfig(
        String region,
        boolean useInternalEndpoints,
        boolean debug,
        Map<String, String> configFlags,
        Set<Monitor> monitors,
        Optional<String> hostname,
        HostSettings host,
        List<ProcessList.Entry> processList) {

    /** The {@code [host]} options, upstream names and defaults. */
    public record HostSettings(
            boolean restrictToRemotes,
            boolean disableIpmiCheck,
            String pacemakerNodeType,
            long monitoringInterval,
            long monitoringSamples,
            long stonithWait,
            long apiRetryMax,
            long apiRetryInterval) {
        /** masakari-monitors 14's defaults, with the two options the pacemaker-remote setup needs. */
        public static HostSettings forRemotes() {
            return new HostSettings(true, true, "autodetect", 60, 1, 30, 12, 10);
        }
    }

    static final List<String> NODE_TYPES = List.of("autodetect", "cluster", "remote");
    static final List<String> HOST_MONITORS = List.of("java", "upstream");
    private static final Pattern FLAG_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** Keys the charm writes in [DEFAULT]; a flag must not silently fight them. */
    static final Set<String> MANAGED_DEFAULT_KEYS = Set.of("debug", "hostname");

    static final int MAX_FLAGS = 4096;
    private static final long HOUR = 3600;

    public MonitorsConfig {
        configFlags = Collections.unmodifiableMap(new LinkedHashMap<>(configFlags));
        monitors = Collections.unmodifiableSet(
                monitors.isEmpty() ? EnumSet.noneOf(Monitor.class) : EnumSet.copyOf(monitors));
        processList = List.copyOf(processList);
    }

    /** Binds the options (keys as in config.yaml) and checks them in the order an operator reads them. */
    @JsonCreator
    static MonitorsConfig bind(
            @JsonProperty("region") String region,
            @JsonProperty("use-internal-endpoints") boolean useInternalEndpoints,
            @JsonProperty("debug") boolean debug,
            @JsonProperty("config-flags") String configFlags,
            @JsonProperty("enable-host-monitor") boolean hostMonitor,
            @JsonProperty("host-monitor") String hostMonitorKind,
            @JsonProperty("enable-instance-monitor") boolean instanceMonitor,
            @JsonProperty("enable-process-monitor") boolean processMonitor,
            @JsonProperty("hostname") String hostname,
            @JsonProperty("restrict-to-remotes") boolean restrictToRemotes,
            @JsonProperty("disable-ipmi-check") boolean disableIpmiCheck,
            @JsonProperty("pacemaker-node-type") String nodeType,
            @JsonProperty("monitoring-interval") long monitoringInterval,
            @JsonProperty("monitoring-samples") long monitoringSamples,
            @JsonProperty("stonith-wait") long stonithWait,
            @JsonProperty("api-retry-max") long apiRetryMax,
            @JsonProperty("api-retry-interval") long apiRetryInterval,
            @JsonProperty("process-list") String processList) {
        String checkedRegion = required("region", region);
        if (!checkedRegion.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ConfigException(
                    "region", "must be a region name such as RegionOne, not " + Shown.value(checkedRegion));
        }
        HostSettings host = new HostSettings(
                restrictToRemotes,
                disableIpmiCheck,
                oneOf("pacemaker-node-type", nodeType, NODE_TYPES),
                range("monitoring-interval", monitoringInterval, 1, HOUR),
                range("monitoring-samples", monitoringSamples, 1, 1000),
                range("stonith-wait", stonithWait, 0, HOUR),
                range("api-retry-max", apiRetryMax, 0, 1000),
                range("api-retry-interval", apiRetryInterval, 0, HOUR));
        Set<Monitor> monitors = EnumSet.noneOf(Monitor.class);
        if (hostMonitor) {
            monitors.add(
                    "java".equals(oneOf("host-monitor", hostMonitorKind, HOST_MONITORS))
                            ? Monitor.HOST_JAVA
                            : Monitor.HOST);
        }
        if (instanceMonitor) {
            monitors.add(Monitor.INSTANCE);
        }
        if (processMonitor) {
            monitors.add(Monitor.PROCESS);
        }
        if (monitors.isEmpty()) {
            throw new ConfigException(
                    "enable-host-monitor",
                    "and enable-instance-monitor and enable-process-monitor "
                            + "are all false: enable at least one monitor");
        }
        if (monitors.contains(Monitor.HOST) && host.restrictToRemotes() && !host.disableIpmiCheck()) {
            // Upstream's crm_mon path has no CIB for its IPMI check and then never notifies (spec §1.1).
            throw new ConfigException(
                    "disable-ipmi-check",
                    "must be true while restrict-to-remotes is true: "
                            + "the upstream host monitor cannot check IPMI on remote nodes and would report nothing");
        }
        List<ProcessList.Entry> processes =
                text(processList).map(ProcessList::parse).orElse(ProcessList.DEFAULT);
        return new MonitorsConfig(
                checkedRegion,
                useInternalEndpoints,
                debug,
                flags(text(configFlags)),
                monitors,
                hostname(text(hostname)),
                host,
                processes);
    }

    /** {@code [api] api_interface}. */
    public String apiInterface() {
        return useInternalEndpoints ? "internal" : "public";
    }

    public boolean runs(Monitor monitor) {
        return monitors.contains(monitor);
    }

    /** A string option as Juju users expect it: surrounding blanks dropped, "" is unset. */
    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(String key, String value) {
        return text(value)
                .orElseThrow(() ->
                        new ConfigException(key, "is required: set it with `juju config <app> " + key + "=<value>`"));
    }

    private static String oneOf(String key, String text, List<String> allowed) {
        String value = required(key, text).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigException(
                    key, "must be one of " + String.join(", ", allowed) + ", not " + Shown.value(value));
        }
        return value;
    }

    /** Bounded above too: a monitor sleeping for 2^32 seconds reports nothing, silently. */
    private static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be at least " + min + " and at most " + max + ", not " + value);
        }
        return value;
    }

    private static Optional<String> hostname(Optional<String> value) {
        if (value.isPresent() && !(MachineHostname.isHostname(value.get()) && !numericTopLabel(value.get()))) {
            throw new ConfigException(
                    "hostname", "must be a DNS host name such as compute-1.maas, not " + Shown.value(value.get()));
        }
        return value;
    }

    /** RFC 1123: a top-level label is never all digits, so "10.0.0.300" is a bad address, not a name. */
    private static boolean numericTopLabel(String name) {
        String[] labels = (name.endsWith(".") ? name.substring(0, name.length() - 1) : name).split("\\.");
        return labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /**
     * {@code k=v,k2=v2}; values may not contain commas (upstream's format has no quoting). Values are
     * literal: a {@code $} reaches the service as a dollar sign, not as an oslo.config reference.
     */
    private static Map<String, String> flags(Optional<String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        if (text.get().length() > MAX_FLAGS) {
            throw new ConfigException(
                    "config-flags", "is " + text.get().length() + " characters long; at most " + MAX_FLAGS + " fit");
        }
        for (String pair : text.get().split(",")) {
            String item = pair.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq > 0 ? item.substring(0, eq).strip() : "";
            if (!FLAG_KEY.matcher(key).matches()) {
                throw new ConfigException(
                        "config-flags",
                        "must be comma-separated option=value pairs; " + Shown.value(item) + " is not one");
            }
            if (MANAGED_DEFAULT_KEYS.contains(key)) {
                throw new ConfigException(
                        "config-flags",
                        "cannot set '" + key + "': use the charm option "
                                + ("debug".equals(key) ? "debug" : "hostname"));
            }
            String value = item.substring(eq + 1).strip();
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new ConfigException("config-flags", "value of '" + key + "' must be on one line");
            }
            out.put(key, value);
        }
        return out;
    }
}
