package dev.instanceha.ops.hooktools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link HookTools} over Juju's real executables, always with {@code --format=json}.
 * Values that may be secret (relation data, state, action results, leader settings) are passed
 * as a JSON document on stdin ({@code --file -}) so they never show in a process listing.
 */
public final class ProcessHookTools implements HookTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};
    private final ToolRunner runner;

    /** Over another runner than the OS's: the test kit answers the tools in-process. */
    public ProcessHookTools(ToolRunner runner) {
        this.runner = runner;
    }

    public ProcessHookTools() {
        this(new ProcessToolRunner());
    }

    @Override
    public List<String> relationIds(String endpoint) {
        return stringList(json("relation-ids", "--format=json", endpoint));
    }

    @Override
    public List<String> relationList(String relationRef) {
        return stringList(json("relation-list", "-r", relationRef, "--format=json"));
    }

    @Override
    public Optional<String> relationRemoteApp(String relationRef) {
        JsonNode app = json("relation-list", "-r", relationRef, "--app", "--format=json");
        return app.isTextual() && !app.asText().isEmpty() ? Optional.of(app.asText()) : Optional.empty();
    }

    @Override
    public Map<String, String> relationGet(String relationRef, String unit) {
        return stringMap(json("relation-get", "-r", relationRef, "--format=json", "-", unit));
    }

    @Override
    public Map<String, String> relationGetApp(String relationRef, String app) {
        return stringMap(json("relation-get", "-r", relationRef, "--app", "--format=json", "-", app));
    }

    @Override
    public void relationSet(String relationRef, Map<String, String> data) {
        run("relation-set", stdin(data), "-r", relationRef, "--file", "-");
    }

    @Override
    public void relationSetApp(String relationRef, Map<String, String> data) {
        run("relation-set", stdin(data), "-r", relationRef, "--app", "--file", "-");
    }

    @Override
    public Map<String, Object> configGet() {
        return objectMap(json("config-get", "--format=json"));
    }

    @Override
    public void statusSet(StatusLevel level, String message) {
        run("status-set", null, level.jujuName(), "--", message);
    }

    @Override
    public void applicationStatusSet(StatusLevel level, String message) {
        run("status-set", null, "--application", level.jujuName(), "--", message);
    }

    @Override
    public StatusInfo statusGet() {
        JsonNode node = json("status-get", "--include-data", "--format=json");
        return new StatusInfo(
                node.path("status").asText(""), node.path("message").asText(""));
    }

    @Override
    public void applicationVersionSet(String version) {
        run("application-version-set", null, "--", version);
    }

    @Override
    public void jujuLog(LogLevel level, String message) {
        run("juju-log", null, "--log-level", level.name(), "--", message);
    }

    @Override
    public Map<String, Object> actionGet() {
        return objectMap(json("action-get", "--format=json"));
    }

    @Override
    public void actionSet(Map<String, String> results) {
        if (results.isEmpty()) {
            return;
        }
        // action-set has no --file: values go in key=value arguments. Results are meant to be
        // shown to the operator, so they hold nothing secret by contract.
        List<String> args = new ArrayList<>();
        results.forEach((key, value) -> args.add(key + "=" + value));
        run("action-set", null, args.toArray(String[]::new));
    }

    @Override
    public void actionFail(String message) {
        run("action-fail", null, "--", message);
    }

    @Override
    public void actionLog(String message) {
        run("action-log", null, "--", message);
    }

    @Override
    public boolean isLeader() {
        return json("is-leader", "--format=json").asBoolean(false);
    }

    @Override
    public Map<String, String> leaderGet() {
        return stringMap(json("leader-get", "--format=json", "-"));
    }

    @Override
    public void leaderSet(Map<String, String> data) {
        // leader-set has no --file either; callers keep secrets in a peer app bag instead.
        List<String> args = new ArrayList<>();
        data.forEach((key, value) -> args.add(key + "=" + value));
        run("leader-set", null, args.toArray(String[]::new));
    }

    @Override
    public Map<String, String> stateGet() {
        return stringMap(json("state-get", "--format=json"));
    }

    @Override
    public void stateSet(Map<String, String> data) {
        run("state-set", stdin(data), "--file", "-");
    }

    @Override
    public void stateDelete(String key) {
        run("state-delete", null, key);
    }

    @Override
    public NetworkInfo networkGet(String binding) {
        return parseNetwork(json("network-get", "--format=json", binding));
    }

    @Override
    public void openPort(String port) {
        run("open-port", null, port);
    }

    @Override
    public void closePort(String port) {
        run("close-port", null, port);
    }

    @Override
    public List<String> openedPorts() {
        return stringList(json("opened-ports", "--format=json"));
    }

    @Override
    public String unitGet(String key) {
        return json("unit-get", "--format=json", key).asText("");
    }

    static NetworkInfo parseNetwork(JsonNode node) {
        List<NetworkInfo.BindAddress> binds = new ArrayList<>();
        for (JsonNode bind : node.path("bind-addresses")) {
            List<NetworkInfo.Address> addresses = new ArrayList<>();
            for (JsonNode address : bind.path("addresses")) {
                // Juju before 2.9 called the field "address"; newer ones "value".
                String value = address.hasNonNull("value")
                        ? address.get("value").asText()
                        : address.path("address").asText("");
                addresses.add(new NetworkInfo.Address(
                        value,
                        address.path("cidr").asText(""),
                        address.path("hostname").asText("")));
            }
            binds.add(new NetworkInfo.BindAddress(
                    bind.path("interface-name").asText(""),
                    bind.path("mac-address").asText(""),
                    addresses));
        }
        return new NetworkInfo(
                binds, stringList(node.path("ingress-addresses")), stringList(node.path("egress-subnets")));
    }

    private JsonNode json(String tool, String... args) {
        String out = run(tool, null, args);
        if (out.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(out);
        } catch (JsonProcessingException e) {
            throw new HookToolException(tool, 0, "output is not JSON: " + e.getOriginalMessage());
        }
    }

    private String run(String tool, byte[] stdin, String... args) {
        ToolRunner.ToolResult result = runner.run(tool, List.of(args), stdin);
        if (result.exitCode() != 0) {
            throw HookToolException.of(tool, result.exitCode(), result.stderr());
        }
        return result.stdout();
    }

    private static byte[] stdin(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a map of strings", e);
        }
    }

    private static List<String> stringList(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    /** Relation data, state and leader settings: string values, nulls dropped. */
    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isNull()) {
                    out.put(
                            entry.getKey(),
                            entry.getValue().isTextual()
                                    ? entry.getValue().asText()
                                    : entry.getValue().toString());
                }
            });
        }
        return out;
    }

    private static Map<String, Object> objectMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return JSON.convertValue(node, OBJECT_MAP);
    }
}
