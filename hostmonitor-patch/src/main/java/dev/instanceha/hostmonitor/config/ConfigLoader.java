package dev.instanceha.hostmonitor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns masakarimonitors.conf into typed settings. [api] and [host] keep upstream's names and defaults;
 * this monitor's own options live in [hostmonitor_java]. Unknown options in those three sections are
 * ignored with a warning; other sections belong to the other monitors and are not looked at.
 */
public final class ConfigLoader {

    public static final String API = "api";
    public static final String HOST = "host";
    public static final String OWN = "hostmonitor_java";

    private static final Set<String> API_USED = Set.of(
            "auth_type",
            "auth_url",
            "username",
            "user_id",
            "password",
            "user_domain_id",
            "user_domain_name",
            "project_id",
            "project_name",
            "project_domain_id",
            "project_domain_name",
            "default_domain_id",
            "default_domain_name",
            "region",
            "api_version",
            "api_interface",
            "cafile",
            "insecure",
            "timeout");
    /** Upstream (keystoneauth) options this monitor does not implement. */
    private static final Set<String> API_UNSUPPORTED = Set.of(
            "certfile",
            "keyfile",
            "collect_timing",
            "split_loggers",
            "auth_section",
            "domain_id",
            "domain_name",
            "system_scope",
            "trust_id");

    private static final Set<String> HOST_USED = Set.of(
            "monitoring_interval",
            "monitoring_samples",
            "api_retry_max",
            "api_retry_interval",
            "restrict_to_remotes",
            "stonith_wait");
    /** Upstream [host] options that only matter to its corosync/IPMI checks, which this monitor does not need. */
    private static final Set<String> HOST_NOT_NEEDED = Set.of(
            "monitoring_driver",
            "disable_ipmi_check",
            "ipmi_timeout",
            "ipmi_retry_max",
            "ipmi_retry_interval",
            "tcpdump_timeout",
            "corosync_multicast_interfaces",
            "corosync_multicast_ports",
            "pacemaker_node_type");

    private static final Set<String> OWN_USED = Set.of(
            "mode",
            "poll_interval",
            "status_command",
            "watch_command",
            "command_timeout",
            "outbox_dir",
            "hostname",
            "dry_run");

    /**
     * {@code --output-as=xml} (pacemaker 2.0.3 on) instead of {@code -X}, deprecated in 3.0. XML output
     * implies one-shot mode and inactive resources, and shows the whole fence history unreduced;
     * {@code --fence-history=2} states that explicitly (failures, pending and successes).
     */
    public static final String DEFAULT_STATUS_COMMAND = "crm_mon --output-as=xml --fence-history=2";

    public static final String DEFAULT_WATCH_COMMAND = "crm_mon --output-as=text --interval=1s";
    public static final String DEFAULT_OUTBOX = "/var/lib/masakari-hostmonitor-java/outbox";

    private final Consumer<String> warn;
    private final Consumer<String> note;
    private final Set<String> defaultSelfNames;

    /**
     * @param warn             one line per unknown or unsupported option (ignored)
     * @param note             one line per upstream option this monitor has no use for (ignored, harmless)
     * @param defaultSelfNames names of this machine, used when [hostmonitor_java] hostname is unset
     */
    public ConfigLoader(Consumer<String> warn, Consumer<String> note, Set<String> defaultSelfNames) {
        this.warn = warn;
        this.note = note;
        this.defaultSelfNames = Set.copyOf(defaultSelfNames);
    }

    public MonitorConfig load(IniDocument raw) throws ConfigException {
        IniDocument ini = OsloInterpolation.apply(raw);
        checkOptions(ini, API, API_USED, API_UNSUPPORTED, warn, "not supported by this monitor, ignored");
        checkOptions(
                ini,
                HOST,
                HOST_USED,
                HOST_NOT_NEEDED,
                note,
                "not needed by this monitor (no corosync/IPMI probing), ignored");
        checkOptions(ini, OWN, OWN_USED, Set.of(), warn, "");
        return new MonitorConfig(api(ini), host(ini), own(ini));
    }

    private void checkOptions(
            IniDocument ini,
            String section,
            Set<String> used,
            Set<String> known,
            Consumer<String> knownSink,
            String knownNote) {
        for (String key : ini.section(section).keySet()) {
            if (used.contains(key)) {
                continue;
            }
            if (known.contains(key)) {
                knownSink.accept("[" + section + "] " + key + ": " + knownNote);
            } else {
                warn.accept("[" + section + "] " + key + ": unknown option, ignored");
            }
        }
    }

    private ApiSettings api(IniDocument ini) throws ConfigException {
        Map<String, String> s = ini.section(API);
        String authType = s.getOrDefault("auth_type", "password");
        if (!authType.equals("password") && !authType.equals("v3password")) {
            throw new ConfigException("[api] auth_type=" + authType + ": only password authentication is supported");
        }
        String authUrl = required(s, API, "auth_url");
        Optional<String> userId = opt(s, "user_id");
        Optional<String> username = opt(s, "username");
        if (userId.isEmpty() && username.isEmpty()) {
            throw new ConfigException("[api] username (or user_id) is required");
        }
        Optional<String> projectId = opt(s, "project_id");
        Optional<String> projectName = opt(s, "project_name");
        if (projectId.isEmpty() && projectName.isEmpty()) {
            throw new ConfigException("[api] project_name (or project_id) is required");
        }
        // keystoneauth falls back to default_domain_* for both user and project domains.
        Optional<String> defDomainId = opt(s, "default_domain_id");
        Optional<String> defDomainName = opt(s, "default_domain_name");
        Optional<String> userDomainId = opt(s, "user_domain_id").or(() -> defDomainId);
        Optional<String> userDomainName = opt(s, "user_domain_name").or(() -> defDomainName);
        Optional<String> projectDomainId = opt(s, "project_domain_id").or(() -> defDomainId);
        Optional<String> projectDomainName = opt(s, "project_domain_name").or(() -> defDomainName);
        return new ApiSettings(
                authUrl,
                userId,
                username,
                s.getOrDefault("password", ""),
                userDomainId,
                userDomainName,
                projectId,
                projectName,
                projectDomainId,
                projectDomainName,
                s.getOrDefault("region", "RegionOne"),
                s.getOrDefault("api_interface", "public"),
                s.getOrDefault("api_version", "v1"),
                opt(s, "cafile"),
                bool(s, API, "insecure", false),
                Duration.ofSeconds(positive(s, API, "timeout", 30)));
    }

    private HostSettings host(IniDocument ini) throws ConfigException {
        Map<String, String> s = ini.section(HOST);
        return new HostSettings(
                Duration.ofSeconds(positive(s, HOST, "monitoring_interval", 60)),
                positive(s, HOST, "monitoring_samples", 1),
                nonNegative(s, HOST, "api_retry_max", 12),
                Duration.ofSeconds(nonNegative(s, HOST, "api_retry_interval", 10)),
                bool(s, HOST, "restrict_to_remotes", false),
                Duration.ofSeconds(nonNegative(s, HOST, "stonith_wait", 30)));
    }

    private DaemonSettings own(IniDocument ini) throws ConfigException {
        Map<String, String> s = ini.section(OWN);
        String modeText = s.getOrDefault("mode", "poll").toLowerCase(Locale.ROOT);
        DaemonSettings.Mode mode = switch (modeText) {
            case "poll" -> DaemonSettings.Mode.POLL;
            case "watch" -> DaemonSettings.Mode.WATCH;
            default -> throw new ConfigException("[" + OWN + "] mode=" + modeText + ": expected poll or watch");
        };
        Set<String> self = new LinkedHashSet<>();
        opt(s, "hostname")
                .ifPresentOrElse(
                        v -> Arrays.stream(v.split(","))
                                .map(String::strip)
                                .filter(x -> !x.isEmpty())
                                .forEach(self::add),
                        () -> self.addAll(defaultSelfNames));
        return new DaemonSettings(
                mode,
                Duration.ofSeconds(positive(s, OWN, "poll_interval", 2)),
                command(s, "status_command", DEFAULT_STATUS_COMMAND),
                command(s, "watch_command", DEFAULT_WATCH_COMMAND),
                Duration.ofSeconds(positive(s, OWN, "command_timeout", 10)),
                Path.of(s.getOrDefault("outbox_dir", DEFAULT_OUTBOX)),
                self,
                bool(s, OWN, "dry_run", false));
    }

    private static List<String> command(Map<String, String> s, String key, String dflt) throws ConfigException {
        List<String> words = Arrays.stream(s.getOrDefault(key, dflt).strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        if (words.isEmpty()) {
            throw new ConfigException("[" + OWN + "] " + key + " is empty");
        }
        return words;
    }

    private static Optional<String> opt(Map<String, String> s, String key) {
        return Optional.ofNullable(s.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(Map<String, String> s, String section, String key) throws ConfigException {
        return opt(s, key).orElseThrow(() -> new ConfigException("[" + section + "] " + key + " is required"));
    }

    private static int positive(Map<String, String> s, String section, String key, int dflt) throws ConfigException {
        int v = integer(s, section, key, dflt);
        if (v < 1) {
            throw new ConfigException("[" + section + "] " + key + "=" + v + ": must be at least 1");
        }
        return v;
    }

    private static int nonNegative(Map<String, String> s, String section, String key, int dflt) throws ConfigException {
        int v = integer(s, section, key, dflt);
        if (v < 0) {
            throw new ConfigException("[" + section + "] " + key + "=" + v + ": must not be negative");
        }
        return v;
    }

    private static int integer(Map<String, String> s, String section, String key, int dflt) throws ConfigException {
        Optional<String> v = opt(s, key);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException("[" + section + "] " + key + "=" + v.get() + ": not an integer");
        }
    }

    /** oslo.config booleans. */
    private static boolean bool(Map<String, String> s, String section, String key, boolean dflt)
            throws ConfigException {
        Optional<String> v = opt(s, key);
        if (v.isEmpty()) {
            return dflt;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException("[" + section + "] " + key + "=" + v.get() + ": not a boolean");
        };
    }
}
