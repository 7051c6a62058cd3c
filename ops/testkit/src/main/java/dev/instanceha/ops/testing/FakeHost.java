package dev.instanceha.ops.testing;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.host.Commands;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.FileSystem;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.Packages;
import dev.instanceha.ops.host.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A host that changes nothing real and records everything: files in memory, packages as a set,
 * services as running/enabled flags plus an ordered log of actions, commands answered by rules.
 */
public final class FakeHost implements Host {
    /** A file as the fake holds it. */
    public record FakeFile(byte[] content, FileSpec spec) {
        public String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Map<Path, FakeFile> files = new TreeMap<>();
    private final Map<Path, FileSpec> directories = new TreeMap<>();
    private final Map<String, String> installed = new TreeMap<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final Set<String> enabled = new LinkedHashSet<>();
    private final List<String> serviceLog = new ArrayList<>();
    private final List<Command> commandLog = new ArrayList<>();
    private final Map<String, Function<Command, CommandResult>> commandRules = new LinkedHashMap<>();
    private final Set<String> programs = new LinkedHashSet<>();
    private String serviceManager = "systemd";

    private final FileSystem fileSystem = new FileSystem() {
        @Override
        public boolean write(Path path, byte[] content, FileSpec spec) {
            FakeFile old = files.get(path);
            if (old != null
                    && Arrays.equals(old.content(), content)
                    && old.spec().equals(spec)) {
                return false;
            }
            files.put(path, new FakeFile(content.clone(), spec));
            return true;
        }

        @Override
        public Optional<byte[]> read(Path path) {
            return Optional.ofNullable(files.get(path))
                    .map(file -> file.content().clone());
        }

        @Override
        public boolean ensureDirectory(Path path, FileSpec spec) {
            return !spec.equals(directories.put(path, spec));
        }

        @Override
        public boolean delete(Path path) {
            return files.remove(path) != null;
        }

        @Override
        public boolean exists(Path path) {
            return files.containsKey(path) || directories.containsKey(path);
        }
    };

    private final Packages packages = new Packages() {
        @Override
        public List<String> install(List<String> names) {
            List<String> added =
                    names.stream().filter(name -> !installed.containsKey(name)).toList();
            added.forEach(name -> installed.put(name, "1.0-fake"));
            return added;
        }

        @Override
        public List<String> remove(List<String> names) {
            List<String> removed = names.stream().filter(installed::containsKey).toList();
            removed.forEach(installed::remove);
            return removed;
        }

        @Override
        public boolean isInstalled(String name) {
            return installed.containsKey(name);
        }

        @Override
        public Optional<String> version(String name) {
            return Optional.ofNullable(installed.get(name));
        }
    };

    private final Services services = new Services() {
        @Override
        public void start(String name) {
            serviceLog.add("start " + name);
            running.add(name);
        }

        @Override
        public void stop(String name) {
            serviceLog.add("stop " + name);
            running.remove(name);
        }

        @Override
        public void restart(String name) {
            serviceLog.add("restart " + name);
            running.add(name);
        }

        @Override
        public void enable(String name) {
            serviceLog.add("enable " + name);
            enabled.add(name);
        }

        @Override
        public void disable(String name) {
            serviceLog.add("disable " + name);
            enabled.remove(name);
        }

        @Override
        public boolean isRunning(String name) {
            return running.contains(name);
        }

        @Override
        public String manager() {
            return serviceManager;
        }
    };

    private final Commands commands = new Commands() {
        @Override
        public CommandResult run(Command command) {
            commandLog.add(command);
            String line = command.display();
            for (Map.Entry<String, Function<Command, CommandResult>> rule : commandRules.entrySet()) {
                if (line.startsWith(rule.getKey())) {
                    return rule.getValue().apply(command);
                }
            }
            return new CommandResult(0, "", "", false);
        }

        @Override
        public boolean exists(String program) {
            return programs.contains(program);
        }
    };

    @Override
    public Packages packages() {
        return packages;
    }

    @Override
    public FileSystem files() {
        return fileSystem;
    }

    @Override
    public Services services() {
        return services;
    }

    @Override
    public Commands commands() {
        return commands;
    }

    // --- set-up

    public FakeHost withFile(Path path, String content, FileSpec spec) {
        files.put(path, new FakeFile(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), spec));
        return this;
    }

    public FakeHost withPackage(String name, String version) {
        installed.put(name, version);
        return this;
    }

    public FakeHost withRunningService(String name) {
        running.add(name);
        return this;
    }

    public FakeHost withServiceManager(String name) {
        serviceManager = name;
        return this;
    }

    public FakeHost withProgram(String name) {
        programs.add(name);
        return this;
    }

    /** Answers every command whose display line starts with {@code prefix}. Earlier rules win. */
    public FakeHost onCommand(String prefix, Function<Command, CommandResult> answer) {
        commandRules.put(prefix, answer);
        return this;
    }

    public FakeHost onCommand(String prefix, int exitCode, String stdout) {
        return onCommand(prefix, command -> new CommandResult(exitCode, stdout, exitCode == 0 ? "" : "failed", false));
    }

    // --- inspection

    public Map<Path, FakeFile> writtenFiles() {
        return Map.copyOf(files);
    }

    public Optional<FakeFile> file(Path path) {
        return Optional.ofNullable(files.get(path));
    }

    public Map<Path, FileSpec> directories() {
        return Map.copyOf(directories);
    }

    public Set<String> installedPackages() {
        return Set.copyOf(installed.keySet());
    }

    public Set<String> runningServices() {
        return Set.copyOf(running);
    }

    public Set<String> enabledServices() {
        return Set.copyOf(enabled);
    }

    /** Every service action in order, as "restart masakari-api". */
    public List<String> serviceLog() {
        return List.copyOf(serviceLog);
    }

    public List<Command> commandLog() {
        return List.copyOf(commandLog);
    }

    /** Forgets what happened so far (not the state), so a second run can be checked on its own. */
    public void clearLogs() {
        serviceLog.clear();
        commandLog.clear();
    }
}
