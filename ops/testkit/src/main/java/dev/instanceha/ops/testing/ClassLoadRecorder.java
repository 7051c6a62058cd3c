package dev.instanceha.ops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which classes an event loads in a packed charm: its real dispatch, run by a {@link ContractRunner},
 * with {@code -Xshare:off}, no AppCDS archive and the JVM's class-load log, so every class is loaded,
 * and logged, from its source (lib/charm.jar, the JDK, or generated at run time).
 */
public final class ClassLoadRecorder {
    private final ContractRunner runner;
    private final Path log;

    /** Unpacks {@code charm} under {@code workDir}, as {@link ContractRunner} does. */
    public ClassLoadRecorder(Path charm, Path workDir) {
        this.log = workDir.toAbsolutePath().resolve("class-load.log");
        this.runner = new ContractRunner(charm, workDir)
                .withEnvironment("CHARM_NO_CDS", "1")
                .withEnvironment("JAVA_OPTS", "-Xshare:off -Xlog:class+load:file=" + log);
    }

    public ContractRunner runner() {
        return runner;
    }

    /** The class-load log of the last run. */
    public Path log() {
        return log;
    }

    /** Runs one event against {@code state} (set as the unit's state first) and reads what it loaded. */
    public Recorded run(Event event, State state) {
        try {
            Files.deleteIfExists(log); // the JVM would rotate an old log away, not overwrite it
            runner.reset(state);
            ContractRunner.ContractResult hook = runner.run(event, state);
            List<LoadedClass> classes = Files.exists(log)
                    ? Files.readAllLines(log).stream()
                            .filter(line -> line.contains(" source: "))
                            .map(LoadedClass::parse)
                            .toList()
                    : List.of();
            return new Recorded(hook, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run: the dispatch's result and the classes it loaded, in order. */
    public record Recorded(ContractRunner.ContractResult hook, List<LoadedClass> classes) {
        /** The loaded classes whose name starts with {@code prefix} (e.g. {@code org.yaml.}). */
        public List<String> named(String prefix) {
            return classes.stream()
                    .map(LoadedClass::name)
                    .filter(name -> name.startsWith(prefix))
                    .toList();
        }
    }

    /** A line of the log: {@code [..][info][class,load] NAME source: SOURCE}. */
    public record LoadedClass(String name, String source) {
        static LoadedClass parse(String line) {
            int at = line.indexOf(" source: ");
            String head = line.substring(0, at);
            return new LoadedClass(head.substring(head.lastIndexOf(' ') + 1), line.substring(at + 9));
        }

        public boolean fromCharmJar() {
            return source.endsWith("/lib/charm.jar");
        }

        public boolean fromJdk() {
            return source.startsWith("jrt:/");
        }
    }
}
