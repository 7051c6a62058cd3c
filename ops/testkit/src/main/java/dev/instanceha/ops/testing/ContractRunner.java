package dev.instanceha.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Contract tests: unpacks a built {@code .charm} as Juju does (modes from the zip, nothing fixed
 * up) and runs its real {@code dispatch} as a process, with fake hook tools on PATH that keep the
 * unit's state in a JSON file. Relation data, unit state and ports are rolled back when the
 * hook fails, as Juju commits them only on success; status and logs stay.
 */
public final class ContractRunner {
    /** Every tool name the fake answers to. */
    public static final List<String> TOOLS = List.of("relation-ids", "relation-list", "relation-get", "relation-set",
            "config-get", "status-set", "status-get", "application-version-set", "juju-log", "action-get",
            "action-set", "action-fail", "action-log", "is-leader", "state-get", "state-set", "state-delete",
            "network-get", "open-port", "close-port", "opened-ports", "unit-get");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path charmDir;
    private final Path toolsDir;
    private final Path stateFile;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();

    /** Unpacks {@code charm} under {@code workDir} and prepares the fake tools there. */
    public ContractRunner(Path charm, Path workDir) {
        this.charmDir = workDir.resolve("charm");
        this.toolsDir = workDir.resolve("tools");
        this.stateFile = workDir.resolve("juju-state.json");
        try {
            unpack(charm, charmDir);
            Files.createDirectories(toolsDir);
            Path jujuc = toolsDir.resolve("fake-jujuc");
            try (InputStream in = ContractRunner.class.getResourceAsStream("fake-jujuc")) {
                Files.write(jujuc, in.readAllBytes());
            }
            Files.setPosixFilePermissions(jujuc, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
            for (String tool : TOOLS) {
                Files.deleteIfExists(toolsDir.resolve(tool));
                Files.createSymbolicLink(toolsDir.resolve(tool), jujuc.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path charmDir() {
        return charmDir;
    }

    /** Adds a variable to every run (e.g. {@code JAVA_OPTS}). */
    public ContractRunner withEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /** Sets the unit's state before the next events. */
    public void reset(State state) {
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
        write(root);
    }

    /** Runs {@code dispatch} for one event against the current state. */
    public ContractResult run(Event event, State stateForContext) {
        ObjectNode before = read();
        ObjectNode action = JSON.createObjectNode();
        action.set("params", JSON.valueToTree(event.actionParams()));
        action.set("results", JSON.createObjectNode());
        action.set("logs", JSON.createArrayNode());
        action.putNull("failed");
        before.set("action", action);
        before.set("calls", JSON.createArrayNode());
        write(before);

        Map<String, String> env = new LinkedHashMap<>(event.environment(stateForContext, charmDir.toString()));
        env.putAll(extraEnvironment);
        return execute(List.of(charmDir.resolve("dispatch").toString()), env, before);
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
        processEnv.put("FAKE_JUJU_STATE", stateFile.toString());
        try {
            Path stdout = Files.createTempFile(stateFile.getParent(), "stdout", ".txt");
            Path stderr = Files.createTempFile(stateFile.getParent(), "stderr", ".txt");
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
            ObjectNode after = read();
            if (exit != 0) {
                // Juju discards relation data, unit state and port changes of a failed hook.
                for (String field : List.of("relations", "state", "ports")) {
                    after.set(field, before.get(field));
                }
                write(after);
            }
            return new ContractResult(exit, Files.readString(stdout), Files.readString(stderr), after, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The unit's state file as JSON. */
    public ObjectNode read() {
        try {
            return (ObjectNode) JSON.readTree(stateFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(JsonNode root) {
        try {
            Files.writeString(stateFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            return state.path("status").path("status").asText() + ": " + state.path("status").path("message").asText();
        }

        public JsonNode action() {
            return state.path("action");
        }

        public List<String> calls() {
            List<String> out = new ArrayList<>();
            state.path("calls").forEach(call -> out.add(call.asText()));
            return out;
        }
    }
}
