package dev.instanceha.monitors;

import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.ops.log.Shown;
import dev.instanceha.ops.model.CharmConfig;
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
 * The charm's options, read once per hook and checked: a bad value throws a {@link ConfigException}
 * naming the option, which the framework shows as {@code blocked}.
 *
 * @param hostname override of the host name Masakari and pacemaker know (default: the machine's FQDN)
 * @param configFlags extra {@code [DEFAULT]} options, in the order given
 * @param processList the process monitor's list; default list when the option is unset
 */
public record MonitorsConfig(String region, boolean useInternalEndpoints, boolean debug,
                             Map<String, String> configFlags, Set<Monitor> monitors,
                             Optional<String> hostname, HostSettings host, List<ProcessList.Entry> processList) {

    /** The {@code [host]} options, upstream names and defaults. */
    public record HostSettings(boolean restrictToRemotes, boolean disableIpmiCheck, String pacemakerNodeType,
                               long monitoringInterval, long monitoringSamples, long stonithWait,
                               long apiRetryMax, long apiRetryInterval) {
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
        monitors = Collections.unmodifiableSet(monitors.isEmpty() ? EnumSet.noneOf(Monitor.class) : EnumSet.copyOf(monitors));
        processList = List.copyOf(processList);
    }

    public static MonitorsConfig from(CharmConfig c) {
        String region = c.requireString("region");
        if (!region.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ConfigException("region", "must be a region name such as RegionOne, not " + Shown.value(region));
        }
        HostSettings host = new HostSettings(c.bool("restrict-to-remotes"), c.bool("disable-ipmi-check"),
                oneOf(c, "pacemaker-node-type", NODE_TYPES), range(c, "monitoring-interval", 1, HOUR),
                range(c, "monitoring-samples", 1, 1000), range(c, "stonith-wait", 0, HOUR),
                range(c, "api-retry-max", 0, 1000), range(c, "api-retry-interval", 0, HOUR));
        Set<Monitor> monitors = monitors(c);
        if (monitors.contains(Monitor.HOST) && host.restrictToRemotes() && !host.disableIpmiCheck()) {
            // Upstream's crm_mon path has no CIB for its IPMI check and then never notifies (spec §1.1).
            throw new ConfigException("disable-ipmi-check", "must be true while restrict-to-remotes is true: "
                    + "the upstream host monitor cannot check IPMI on remote nodes and would report nothing");
        }
        List<ProcessList.Entry> processes = c.string("process-list").map(ProcessList::parse).orElse(ProcessList.DEFAULT);
        return new MonitorsConfig(region, c.bool("use-internal-endpoints"), c.bool("debug"), flags(c), monitors,
                hostname(c), host, processes);
    }

    /** {@code [api] api_interface}. */
    public String apiInterface() {
        return useInternalEndpoints ? "internal" : "public";
    }

    public boolean runs(Monitor monitor) {
        return monitors.contains(monitor);
    }

    private static Set<Monitor> monitors(CharmConfig c) {
        Set<Monitor> out = EnumSet.noneOf(Monitor.class);
        if (c.bool("enable-host-monitor")) {
            out.add("java".equals(oneOf(c, "host-monitor", HOST_MONITORS)) ? Monitor.HOST_JAVA : Monitor.HOST);
        }
        if (c.bool("enable-instance-monitor")) {
            out.add(Monitor.INSTANCE);
        }
        if (c.bool("enable-process-monitor")) {
            out.add(Monitor.PROCESS);
        }
        if (out.isEmpty()) {
            throw new ConfigException("enable-host-monitor", "and enable-instance-monitor and enable-process-monitor "
                    + "are all false: enable at least one monitor");
        }
        return out;
    }

    private static String oneOf(CharmConfig c, String key, List<String> allowed) {
        String value = c.requireString(key).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigException(key, "must be one of " + String.join(", ", allowed) + ", not " + Shown.value(value));
        }
        return value;
    }

    /** Bounded above too: a monitor sleeping for 2^32 seconds reports nothing, silently. */
    private static long range(CharmConfig c, String key, long min, long max) {
        long value = c.integer(key);
        if (value < min || value > max) {
            throw new ConfigException(key, "must be at least " + min + " and at most " + max + ", not " + value);
        }
        return value;
    }

    private static Optional<String> hostname(CharmConfig c) {
        Optional<String> value = c.string("hostname");
        if (value.isPresent() && !(MachineHostname.isHostname(value.get()) && !numericTopLabel(value.get()))) {
            throw new ConfigException("hostname", "must be a DNS host name such as compute-1.maas, not "
                    + Shown.value(value.get()));
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
    private static Map<String, String> flags(CharmConfig c) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<String> text = c.string("config-flags");
        if (text.isEmpty()) {
            return out;
        }
        if (text.get().length() > MAX_FLAGS) {
            throw new ConfigException("config-flags", "is " + text.get().length() + " characters long; at most "
                    + MAX_FLAGS + " fit");
        }
        for (String pair : text.get().split(",")) {
            String item = pair.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq > 0 ? item.substring(0, eq).strip() : "";
            if (!FLAG_KEY.matcher(key).matches()) {
                throw new ConfigException("config-flags", "must be comma-separated option=value pairs; "
                        + Shown.value(item) + " is not one");
            }
            if (MANAGED_DEFAULT_KEYS.contains(key)) {
                throw new ConfigException("config-flags", "cannot set '" + key + "': use the charm option "
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
