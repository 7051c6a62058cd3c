package dev.instanceha.ops.testing.jujuc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Juju 3.6's hook tools, argument for argument, over one {@link HookToolContext}: the flags, JSON
 * output and error texts of juju/cmd (usage errors exit 2, run errors exit 1, both as
 * "ERROR message" on stderr). The {@code jujuc} forwarder sends argv and stdin here through
 * {@link HookToolServer}; the in-memory kit calls it in-process; the contract runner, the local
 * model and the in-memory kit share this one copy.
 */
public final class HookToolCommands {
    /** A tool's exit code and output, as the forwarder prints them. */
    public record Outcome(int code, String stdout, String stderr) {
        static Outcome ok(String out) {
            return new Outcome(0, out, "");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every tool name answered; the forwarder is linked under each. */
    public static final List<String> TOOLS = List.of(
            "relation-ids",
            "relation-list",
            "relation-get",
            "relation-set",
            "config-get",
            "status-set",
            "status-get",
            "application-version-set",
            "juju-log",
            "action-get",
            "action-set",
            "action-fail",
            "action-log",
            "is-leader",
            "leader-get",
            "leader-set",
            "state-get",
            "state-set",
            "state-delete",
            "network-get",
            "open-port",
            "close-port",
            "opened-ports",
            "unit-get");

    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }

    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private record Parsed(Set<String> flags, Map<String, String> values, List<String> rest) {
        String format() {
            return values.getOrDefault("format", "smart");
        }
    }

    public Outcome run(HookToolContext<?> context, String tool, List<String> args, byte[] stdin) {
        context.toolCalled(tool);
        try {
            return Outcome.ok(dispatch(context, tool, args, stdin));
        } catch (Usage e) {
            return new Outcome(2, "", "ERROR " + e.getMessage() + "\n");
        } catch (Failure e) {
            return new Outcome(1, "", "ERROR " + e.getMessage() + "\n");
        }
    }

    private static <R> String dispatch(HookToolContext<R> s, String tool, List<String> args, byte[] stdin) {
        Map<String, String> fmt = Map.of("--format", "format");
        switch (tool) {
            case "relation-ids": {
                Parsed p = parse(args, Set.of(), fmt);
                String endpoint = !p.rest.isEmpty()
                        ? p.rest.get(0)
                        : s.hookRelation() != null ? s.endpoint(s.hookRelation()) : null;
                if (endpoint == null) {
                    throw new Usage("no endpoint name specified");
                }
                List<String> refs = new ArrayList<>();
                s.relations(endpoint).forEach(r -> refs.add(s.ref(r)));
                return out(p, refs);
            }
            case "relation-list": {
                Parsed p = parse(args, Set.of("--app"), with(fmt, "-r", "r", "--relation", "r"));
                R r = relation(s, p);
                return p.flags.contains("--app") ? out(p, s.remoteAppName(r)) : out(p, inScope(s, r));
            }
            case "relation-get": {
                Parsed p = parse(args, Set.of("--app"), with(fmt, "-r", "r", "--relation", "r"));
                R r = relation(s, p);
                String key = p.rest.isEmpty() ? "-" : p.rest.get(0);
                String target =
                        p.rest.size() > 1 ? p.rest.get(1) : r.equals(s.hookRelation()) ? s.hookRemoteUnit() : null;
                if (target == null && !p.flags.contains("--app")) {
                    throw new Usage("no unit id specified");
                }
                Map<String, String> data;
                if (p.flags.contains("--app")) {
                    String app = target == null ? s.remoteAppName(r) : target.split("/")[0];
                    if (app.equals(s.appName()) && !s.isLeader() && !s.isPeer(r)) {
                        throw new Failure("permission denied");
                    }
                    data = s.appData(r, app);
                } else if (target.equals(s.unitName())) {
                    data = withAddresses(s.unitData(r, target), s.address());
                } else if (s.hasUnitSettings(r, target)) {
                    data = s.unitData(r, target);
                } else {
                    throw new Failure("cannot read settings for unit \"" + target + "\" in relation \"" + s.ref(r)
                            + "\": unit \"" + target + "\": settings not found");
                }
                return out(p, "-".equals(key) ? data : data.get(key));
            }
            case "relation-set": {
                Parsed p = parse(args, Set.of("--app"), Map.of("-r", "r", "--relation", "r", "--file", "file"));
                R r = relation(s, p);
                Map<String, String> data = settings(p, stdin);
                if (p.flags.contains("--app")) {
                    if (!s.isLeader()) {
                        throw new Failure("cannot write relation settings");
                    }
                    s.setAppData(r, data);
                } else {
                    s.setUnitData(r, data);
                }
                return "";
            }
            case "config-get": {
                Parsed p = parse(args, Set.of("--all", "-a"), fmt);
                Map<String, Object> config = s.config();
                return p.rest.isEmpty() ? out(p, config) : out(p, config.get(p.rest.get(0)));
            }
            case "status-set": {
                Parsed p = parse(args, Set.of("--application"), Map.of());
                String level = p.rest.isEmpty() ? "" : p.rest.get(0);
                if (!List.of("maintenance", "blocked", "waiting", "active").contains(level)) {
                    throw new Usage(
                            "invalid status \"" + level + "\", expected one of [maintenance blocked waiting active]");
                }
                String message = String.join(" ", p.rest.subList(1, p.rest.size()));
                if (p.flags.contains("--application")) {
                    if (!s.isLeader()) {
                        throw new Failure("setting application status: this unit is not the leader");
                    }
                    s.setAppStatus(level, message);
                } else {
                    s.setStatus(level, message);
                }
                return "";
            }
            case "status-get": {
                Parsed p = parse(args, Set.of("--include-data", "--application"), fmt);
                HookToolContext.StatusValue st = p.flags.contains("--application") ? s.appStatus() : s.status();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("message", st.message());
                body.put("status", st.status());
                body.put("status-data", Map.of());
                return out(p, body);
            }
            case "application-version-set": {
                Parsed p = parse(args, Set.of(), Map.of());
                s.setVersion(String.join(" ", p.rest));
                return "";
            }
            case "juju-log": {
                Parsed p = parse(args, Set.of("--debug"), Map.of("-l", "level", "--log-level", "level"));
                s.log(
                        p.values.getOrDefault("level", p.flags.contains("--debug") ? "DEBUG" : "INFO"),
                        String.join(" ", p.rest));
                return "";
            }
            case "action-get": {
                Parsed p = parse(args, Set.of(), fmt);
                HookToolContext.Action a = action(s);
                return p.rest.isEmpty() ? out(p, a.params()) : out(p, a.params().get(p.rest.get(0)));
            }
            case "action-set": {
                HookToolContext.Action a = action(s);
                Parsed p = parse(args, Set.of(), Map.of());
                a.addResults(keyValues(p.rest));
                return "";
            }
            case "action-fail": {
                HookToolContext.Action a = action(s);
                Parsed p = parse(args, Set.of(), Map.of());
                a.fail(
                        p.rest.isEmpty()
                                ? "action failed without reason given, check action for errors"
                                : String.join(" ", p.rest));
                return "";
            }
            case "action-log": {
                HookToolContext.Action a = action(s);
                Parsed p = parse(args, Set.of(), Map.of());
                a.log(String.join(" ", p.rest));
                return "";
            }
            case "is-leader": {
                Parsed p = parse(args, Set.of(), fmt);
                return out(p, s.isLeader());
            }
            case "leader-get": {
                Parsed p = parse(args, Set.of(), fmt);
                String key = p.rest.isEmpty() ? "-" : p.rest.get(0);
                Map<String, String> all = s.leaderSettings();
                return out(p, "-".equals(key) ? all : all.get(key));
            }
            case "leader-set": {
                Parsed p = parse(args, Set.of(), Map.of("--file", "file"));
                if (!s.isLeader()) {
                    throw new Failure("cannot write leadership settings: cannot write settings: not the leader");
                }
                s.setLeaderSettings(settings(p, stdin));
                return "";
            }
            case "state-get": {
                Parsed p = parse(args, Set.of("--strict"), fmt);
                Map<String, String> state = s.state();
                if (p.rest.isEmpty()) {
                    return out(p, state);
                }
                if (p.flags.contains("--strict") && !state.containsKey(p.rest.get(0))) {
                    throw new Failure("\"" + p.rest.get(0) + "\" not found");
                }
                return out(p, state.get(p.rest.get(0)));
            }
            case "state-set": {
                Parsed p = parse(args, Set.of(), Map.of("--file", "file"));
                s.setState(settings(p, stdin));
                return "";
            }
            case "state-delete": {
                Parsed p = parse(args, Set.of(), Map.of());
                if (p.rest.size() != 1) {
                    throw new Usage("expected one key");
                }
                s.deleteState(p.rest.get(0));
                return "";
            }
            case "network-get": {
                Parsed p = parse(
                        args,
                        Set.of("--ingress-address", "--bind-address", "--egress-subnets", "--primary-address"),
                        with(fmt, "-r", "r", "--relation", "r"));
                if (p.rest.isEmpty()) {
                    throw new Usage("no arguments specified");
                }
                String binding = p.rest.get(0);
                if (!s.endpointNames().contains(binding)) {
                    throw new Failure("no network config found for binding \"" + binding + "\"");
                }
                String a = s.address();
                String cidr = subnetOf(a);
                if (p.flags.contains("--ingress-address") || p.flags.contains("--primary-address")) {
                    return out(p, a);
                }
                if (p.flags.contains("--bind-address")) {
                    return out(p, a);
                }
                if (p.flags.contains("--egress-subnets")) {
                    return out(p, egressOf(a));
                }
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("hostname", "");
                address.put("value", a);
                address.put("cidr", cidr);
                address.put("address", a);
                Map<String, Object> bind = new LinkedHashMap<>();
                bind.put("mac-address", "");
                bind.put("interface-name", "eth0");
                bind.put("addresses", List.of(address));
                bind.put("macaddress", "");
                bind.put("interfacename", "eth0");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("bind-addresses", List.of(bind));
                body.put("egress-subnets", List.of(egressOf(a)));
                body.put("ingress-addresses", List.of(a));
                return out(p, body);
            }
            case "open-port":
            case "close-port": {
                Parsed p = parse(args, Set.of(), Map.of("--endpoints", "endpoints"));
                if (p.rest.size() != 1) {
                    throw new Usage("expected a port, a port range or \"icmp\"");
                }
                String port = p.rest.get(0).contains("/") ? p.rest.get(0) : p.rest.get(0) + "/tcp";
                if (tool.equals("open-port")) {
                    s.openPort(port);
                } else {
                    s.closePort(port);
                }
                return "";
            }
            case "opened-ports": {
                Parsed p = parse(args, Set.of("--endpoints"), fmt);
                return out(p, new ArrayList<>(s.ports()));
            }
            case "unit-get": {
                Parsed p = parse(args, Set.of(), fmt);
                if (p.rest.isEmpty()
                        || !List.of("private-address", "public-address").contains(p.rest.get(0))) {
                    throw new Usage("unknown setting \"" + (p.rest.isEmpty() ? "" : p.rest.get(0)) + "\"");
                }
                return out(p, s.address());
            }
            default:
                throw new Usage("unknown command \"" + tool + "\"");
        }
    }

    private static Map<String, String> withAddresses(Map<String, String> data, String address) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("egress-subnets", egressOf(address));
        out.put("ingress-address", address);
        out.put("private-address", address);
        out.putAll(data);
        return out;
    }

    /** The unit's subnet as network-get shows it: a /24 around an IPv4 address, a /64 around an IPv6 one. */
    private static String subnetOf(String address) {
        if (!address.contains(":")) {
            return address.substring(0, address.lastIndexOf('.') + 1) + "0/24";
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            Arrays.fill(bytes, 8, bytes.length, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new Failure("unit address \"" + address + "\" is not an IP address");
        }
    }

    /** A unit's own egress subnet: its address alone. */
    private static String egressOf(String address) {
        return address + (address.contains(":") ? "/128" : "/32");
    }

    private static HookToolContext.Action action(HookToolContext<?> s) {
        if (s.action() == null) {
            throw new Failure("not running an action");
        }
        return s.action();
    }

    /** relation-list: the remote units in scope, minus the one departing in this very hook. */
    private static <R> List<String> inScope(HookToolContext<R> s, R r) {
        List<String> units = new ArrayList<>(s.remoteUnits(r));
        if (s.departingUnit() != null && r.equals(s.hookRelation())) {
            units.remove(s.departingUnit());
        }
        units.sort(null);
        return units;
    }

    private static <R> R relation(HookToolContext<R> s, Parsed p) {
        String ref = p.values.get("r");
        if (ref == null) {
            if (s.hookRelation() == null) {
                throw new Usage("no relation id specified");
            }
            return s.hookRelation();
        }
        R r = s.relation(ref);
        if (r == null) {
            throw new Usage("invalid value \"" + ref + "\" for option -r: relation not found");
        }
        return r;
    }

    private static Map<String, String> settings(Parsed p, byte[] stdin) {
        Map<String, String> data = new LinkedHashMap<>();
        if ("-".equals(p.values.get("file"))) {
            String text = stdin == null ? "" : new String(stdin, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                // Juju reads the file in the tool's Run: a bad one is a run error (exit 1).
                try {
                    JsonNode node = JSON.readTree(text);
                    if (!node.isObject()) {
                        throw new Failure("invalid settings: expected a map");
                    }
                    node.fields()
                            .forEachRemaining(e -> data.put(
                                    e.getKey(),
                                    e.getValue().isNull() ? "" : e.getValue().asText()));
                } catch (JsonProcessingException e) {
                    Object yaml;
                    try {
                        yaml = new Yaml().load(text);
                    } catch (YAMLException notYaml) {
                        throw new Failure("invalid settings: neither JSON nor YAML");
                    }
                    if (!(yaml instanceof Map<?, ?> m)) {
                        throw new Failure("invalid settings: expected a map");
                    }
                    m.forEach((k, v) -> data.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                }
            }
        } else if (p.values.containsKey("file")) {
            throw new Failure("reading settings from a file is not supported here: use --file -");
        }
        data.putAll(keyValues(p.rest));
        return data;
    }

    private static Map<String, String> keyValues(List<String> pairs) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new Usage("expected \"key=value\", got \"" + pair + "\"");
            }
            String k = pair.substring(0, eq);
            if (data.containsKey(k)) {
                throw new Usage("duplicate key specified: \"" + k + "\"");
            }
            data.put(k, pair.substring(eq + 1));
        }
        return data;
    }

    private static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            out.put(more[i], more[i + 1]);
        }
        return out;
    }

    /** Splits args into flags, options with a value and positionals; "--" ends the options. */
    private static Parsed parse(List<String> args, Set<String> flags, Map<String, String> options) {
        Set<String> seen = new HashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                rest.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("-") && !a.equals("-")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (flags.contains(name)) {
                    seen.add(name);
                } else if (options.containsKey(name)) {
                    String value;
                    if (eq >= 0) {
                        value = a.substring(eq + 1);
                    } else if (++i < args.size()) {
                        value = args.get(i);
                    } else {
                        throw new Usage("option needs an argument: " + name);
                    }
                    values.put(options.get(name), value);
                } else {
                    throw new Usage("option provided but not defined: " + name);
                }
            } else {
                rest.add(a);
            }
        }
        return new Parsed(seen, values, rest);
    }

    private static String out(Parsed p, Object value) {
        try {
            if ("json".equals(p.format())) {
                return JSON.writeValueAsString(value) + "\n";
            }
            if (value == null) {
                return "";
            }
            if (value instanceof String || value instanceof Boolean || value instanceof Number) {
                return value + "\n";
            }
            DumperOptions opts = new DumperOptions();
            opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            return new Yaml(opts).dump(value);
        } catch (JsonProcessingException e) {
            throw new Failure("cannot format output: " + e.getMessage());
        }
    }
}
