package dev.instanceha.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.model.YamlFiles;
import dev.instanceha.ops.testing.jujuc.HookToolCommands;
import dev.instanceha.ops.testing.jujuc.HookToolServer;
import dev.instanceha.ops.testing.jujuc.JujucForwarder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Contract tests: unpacks a built {@code .charm} as Juju does (modes from the zip, nothing fixed
 * up) and runs its real {@code dispatch} as a process, with Juju's hook tools on PATH: the
 * {@code jujuc} forwarder, answered by an in-JVM {@link HookToolServer} on a unix socket in the
 * work directory, over the unit's state held here. Relation data, unit state, leader settings and
 * ports are rolled back when the hook fails, as Juju commits them only on success; status and
 * logs stay.
 */
public final class ContractRunner {
    /** Every tool name on PATH. */
    public static final List<String> TOOLS = HookToolCommands.TOOLS;
    /** What Juju discards when a hook exits non-zero. */
    private static final List<String> COMMITTED_ON_SUCCESS = List.of("relations", "state", "ports", "leader_settings");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final Path charmDir;
    private final Path toolsDir;
    private final Path socket;
    private final Set<String> endpointNames;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    /** The hook tools' calls and this runner's reads take turns on this lock. */
    private final Object lock = new Object();
    /** The unit as Juju holds it, in the shape {@link #read()} returns. */
    private final ObjectNode unit = JSON.createObjectNode();

    private int runs;

    /** Unpacks {@code charm} under {@code workDir} and lays out the hook tools there. */
    public ContractRunner(Path charm, Path workDir) {
        this.workDir = workDir.toAbsolutePath();
        this.charmDir = this.workDir.resolve("charm");
        this.toolsDir = this.workDir.resolve("tools");
        this.socket = this.workDir.resolve("jujuc.sock");
        try {
            unpack(charm, charmDir);
            JujucForwarder.install(toolsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.endpointNames = endpointNames(charmDir);
    }

    /** What network-get accepts: the charm's endpoints, its extra bindings and juju-info. */
    static Set<String> endpointNames(Path charmDir) {
        Map<String, Object> metadata = YamlFiles.readMap(charmDir.resolve("metadata.yaml"));
        Set<String> names = new LinkedHashSet<>(List.of("juju-info"));
        for (String section : List.of("requires", "provides", "peers", "extra-bindings")) {
            if (metadata.get(section) instanceof Map<?, ?> declared) {
                declared.keySet().forEach(name -> names.add(String.valueOf(name)));
            }
        }
        return Set.copyOf(names);
    }

    public Path charmDir() {
        return charmDir;
    }

    /** The hook tools' socket while a hook runs (JUJU_AGENT_SOCKET_ADDRESS). */
    public Path socket() {
        return socket;
    }

    /** Adds a variable to every run (e.g. {@code JAVA_OPTS}). */
    public ContractRunner withEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /** Sets the unit's state before the next events. */
    public void reset(State state) {
        ObjectNode root = unitJson(state);
        synchronized (lock) {
            unit.removeAll();
            unit.setAll(root);
        }
    }

    /** A test's state as the runner holds it (and {@link #read()} shows it), before any hook. */
    static ObjectNode unitJson(State state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("unit", state.unit());
        root.put("leader", state.leader());
        root.put("address", state.address());
        root.set("config", JSON.valueToTree(state.config()));
        List<Map<String, Object>> relations = new ArrayList<>();
        for (RelationState relation : state.relations()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("endpoint", relation.endpoint());
            r.put("id", relation.id());
            r.put("remote_app", relation.remoteApp());
            r.put("remote_app_data", relation.remoteAppData());
            r.put("remote_units", relation.remoteUnitsData());
            r.put("local_unit", relation.localUnitData());
            r.put("local_app", relation.localAppData());
            relations.add(r);
        }
        root.set("relations", JSON.valueToTree(relations));
        root.set("state", JSON.valueToTree(state.unitState()));
        root.set("ports", JSON.valueToTree(state.openedPorts()));
        root.set("status", JSON.valueToTree(Map.of("status", "unknown", "message", "")));
        root.set("action", JSON.valueToTree(Map.of("params", Map.of(), "results", Map.of(), "logs", List.of())));
        return root;
    }

    /** Runs {@code dispatch} for one event against the current state. */
    public ContractResult run(Event event, State stateForContext) {
        return runInHook(List.of(charmDir.resolve("dispatch").toString()), event, stateForContext);
    }

    /** Runs one hook tool from the tools directory as a hook of {@code event} would (benchmarks). */
    ContractResult runTool(Event event, State stateForContext, String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(toolsDir.resolve(tool).toString()));
        command.addAll(List.of(args));
        return runInHook(command, event, stateForContext);
    }

    private ContractResult runInHook(List<String> command, Event event, State stateForContext) {
        ObjectNode before;
        synchronized (lock) {
            beginHook(unit, event);
            before = unit.deepCopy();
        }
        Map<String, String> env = new LinkedHashMap<>(event.environment(stateForContext, charmDir.toString()));
        env.putAll(extraEnvironment);
        String contextId = unit.path("unit").asText() + "-" + event.name() + "-" + (++runs);
        env.put("JUJU_CONTEXT_ID", contextId);
        env.put("JUJU_AGENT_SOCKET_ADDRESS", socket.toAbsolutePath().toString());
        env.put("JUJU_AGENT_SOCKET_NETWORK", "unix");
        try (HookToolServer server = new HookToolServer(socket, lock)) {
            server.register(contextId, new ContractHookContext(unit, event, endpointNames));
            return execute(command, env, before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each event starts with its action's parameters, no results, no tool calls and no relation writes yet. */
    static void beginHook(ObjectNode unit, Event event) {
        ObjectNode action = JSON.createObjectNode();
        action.set("params", JSON.valueToTree(event.actionParams()));
        action.set("results", JSON.createObjectNode());
        action.set("logs", JSON.createArrayNode());
        action.putNull("failed");
        unit.set("action", action);
        unit.set("calls", JSON.createArrayNode());
        unit.set("relation_writes", JSON.createArrayNode());
    }

    /** Runs {@code dispatch} with no Juju variables at all, as an operator typing it would. */
    public ContractResult runOutsideJuju() {
        return execute(List.of(charmDir.resolve("dispatch").toString()), Map.of(), read());
    }

    private ContractResult execute(List<String> command, Map<String, String> env, ObjectNode before) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(charmDir.toFile());
        Map<String, String> processEnv = builder.environment();
        processEnv.keySet().removeIf(name -> name.startsWith("JUJU_"));
        processEnv.putAll(env);
        processEnv.put("PATH", toolsDir + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        try {
            Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
            Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("dispatch did not finish in 5 minutes");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int exit = process.exitValue();
            ObjectNode after;
            synchronized (lock) {
                if (exit != 0) {
                    // Juju discards relation data, unit state, leader settings and ports of a failed hook.
                    for (String field : COMMITTED_ON_SUCCESS) {
                        if (before.has(field)) {
                            unit.set(field, before.get(field).deepCopy());
                        } else {
                            unit.remove(field);
                        }
                    }
                }
                after = unit.deepCopy();
            }
            return new ContractResult(exit, Files.readString(stdout), Files.readString(stderr), after, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The unit's state as JSON: a copy, as it stands now. */
    public ObjectNode read() {
        synchronized (lock) {
            return unit.deepCopy();
        }
    }

    /** Unzips like Juju's CharmArchive.ExpandTo: the mode each entry carries, no fix-ups. */
    static void unpack(Path charm, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the charm directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(out, permissions(entry.getUnixMode() & 0777));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                out.add(order[i]);
            }
        }
        if (out.isEmpty()) {
            out.add(PosixFilePermission.OWNER_READ); // entries without Unix mode: readable, not executable
        }
        return out;
    }

    /** One dispatch run: exit code, output, state afterwards and wall time. */
    public record ContractResult(int exitCode, String stdout, String stderr, ObjectNode state, long millis) {
        public String unitStatus() {
            return state.path("status").path("status").asText() + ": "
                    + state.path("status").path("message").asText();
        }

        public JsonNode action() {
            return state.path("action");
        }

        /** The hook tools the event called, in order, whatever their exit code. */
        public List<String> calls() {
            return callsOf(state);
        }

        static List<String> callsOf(JsonNode state) {
            List<String> out = new ArrayList<>();
            state.path("calls").forEach(call -> out.add(call.asText()));
            return out;
        }
    }
}
