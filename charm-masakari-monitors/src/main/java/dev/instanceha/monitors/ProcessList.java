package dev.instanceha.monitors;

import dev.instanceha.ops.model.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The process monitor's process_list.yaml: which processes it keeps alive and how. Upstream's
 * monitor needs every key in every entry, so the file is always written with all of them.
 */
public final class ProcessList {
    public static final Path PATH = Path.of("/etc/masakarimonitors/process_list.yaml");
    static final String KEY = "process-list";
    static final Set<String> KEYS = Set.of(
            "process_name",
            "start_command",
            "pre_start_command",
            "post_start_command",
            "restart_command",
            "pre_restart_command",
            "post_restart_command",
            "run_as_root");

    /** One watched process; empty strings are "no command". */
    public record Entry(
            String processName,
            String startCommand,
            String preStartCommand,
            String postStartCommand,
            String restartCommand,
            String preRestartCommand,
            String postRestartCommand,
            boolean runAsRoot) {
        static Entry systemd(String processName, String service) {
            return new Entry(
                    processName, "systemctl start " + service, "", "", "systemctl restart " + service, "", "", true);
        }
    }

    /**
     * What a nova-compute host needs running for its instances to be served: libvirt and
     * nova-compute (both named so on Debian and Ubuntu). Not pacemaker_remote: restarting it
     * behind the cluster's back would get the host fenced.
     */
    public static final List<Entry> DEFAULT = List.of(
            Entry.systemd("/usr/sbin/libvirtd", "libvirtd"), Entry.systemd("/usr/bin/nova-compute", "nova-compute"));

    private ProcessList() {}

    /** Parses the {@code process-list} option; anything unusable names the option. */
    static List<Entry> parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ConfigException(KEY, "is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof List<?> items) || items.isEmpty()) {
            throw new ConfigException(
                    KEY, "must be a YAML list of processes (mappings with process_name, " + "restart_command, ...)");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw new ConfigException(KEY, "entry " + (i + 1) + " must be a mapping");
            }
            for (Object key : map.keySet()) {
                if (!KEYS.contains(String.valueOf(key))) {
                    throw new ConfigException(
                            KEY,
                            "entry " + (i + 1) + " has unknown key "
                                    + dev.instanceha.ops.log.Shown.value(String.valueOf(key)));
                }
            }
            String name = text(map, "process_name", i);
            if (name.isEmpty()) {
                throw new ConfigException(KEY, "entry " + (i + 1) + " needs a process_name");
            }
            Object runAsRoot = map.get("run_as_root");
            if (runAsRoot != null && !(runAsRoot instanceof Boolean)) {
                throw new ConfigException(KEY, "entry " + (i + 1) + ": run_as_root must be true or false");
            }
            out.add(new Entry(
                    name,
                    text(map, "start_command", i),
                    text(map, "pre_start_command", i),
                    text(map, "post_start_command", i),
                    text(map, "restart_command", i),
                    text(map, "pre_restart_command", i),
                    text(map, "post_restart_command", i),
                    Boolean.TRUE.equals(runAsRoot)));
        }
        return out;
    }

    /** The file, every key present, values quoted so no command can turn into YAML structure. */
    public static String render(List<Entry> entries) {
        StringBuilder out =
                new StringBuilder("# Managed by Juju (masakari-monitors charm): local changes are overwritten.\n");
        for (Entry e : entries) {
            out.append("-\n");
            line(out, "process_name", e.processName());
            line(out, "start_command", e.startCommand());
            line(out, "pre_start_command", e.preStartCommand());
            line(out, "post_start_command", e.postStartCommand());
            line(out, "restart_command", e.restartCommand());
            line(out, "pre_restart_command", e.preRestartCommand());
            line(out, "post_restart_command", e.postRestartCommand());
            out.append("    run_as_root: ")
                    .append(e.runAsRoot() ? "True" : "False")
                    .append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append("    ").append(key).append(':');
        if (!value.isEmpty()) {
            // Single-quoted YAML scalar: only the quote itself needs escaping.
            out.append(" '").append(value.replace("'", "''")).append('\'');
        }
        out.append('\n');
    }

    private static String text(Map<?, ?> map, String key, int index) {
        Object value = map.get(key);
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ConfigException(KEY, "entry " + (index + 1) + ": " + key + " must be a command line");
        }
        String text = String.valueOf(value).strip();
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(KEY, "entry " + (index + 1) + ": " + key + " must be on one line");
        }
        return text;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int nl = text.indexOf('\n');
        String line = nl > 0 ? text.substring(0, nl) : text;
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
