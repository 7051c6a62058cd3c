package dev.instanceha.ops.testing;

import dev.instanceha.ops.pack.CharmPacker;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Whole-process cost of one {@code update-status}: the greeter charm shaded into one jar like a
 * real charm, packed, unpacked, and its dispatch run N times against the contract hook tools.
 * Reports the median with the AppCDS archive and without it (the baseline) in the same run.
 * Run with {@code tests/bench/update-status}.
 */
public final class DispatchBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path work = Files.createTempDirectory("dispatch-bench");
        Path jar = shadedJar(work.resolve("charm.jar"));
        Path charm = CharmPacker.pack(
                Path.of(args.length > 1 ? args[1] : "src/test/charm/greeter"), jar, work.resolve("greeter.charm"));
        State state = State.of("greeter/0")
                .withLeader(true)
                .withRelation(RelationState.of("website", 5, "haproxy").withRemoteUnit("haproxy/0", Map()))
                .withRelation(RelationState.of("peers", 1, "greeter"));
        System.out.printf("charm.jar %.1f MiB, %d runs each%n", Files.size(jar) / 1048576.0, runs);
        long baseline = median(runner(charm, work.resolve("no-cds"), true), state, runs);
        ContractRunner cdsRunner = runner(charm, work.resolve("cds"), false);
        long withCds = median(cdsRunner, state, runs);
        System.out.printf(
                "update-status via dispatch, median: %d ms without AppCDS (baseline), %d ms with AppCDS"
                        + " (%.2fx baseline)%n",
                baseline, withCds, (double) withCds / baseline);
        // The hook-tool forwarder is a Python process each; Juju's jujuc is a small Go binary. Show their share.
        int calls = check(cdsRunner.run(Event.updateStatus(), state)).calls().size();
        long toolMillis = toolCallMillis(cdsRunner, runs);
        System.out.printf(
                "hook-tool calls per update-status: %d; one tool call: %d ms median;"
                        + " dispatch + JVM + charm without the tools: ~%d ms%n",
                calls, toolMillis, withCds - calls * toolMillis);
    }

    /** Median wall time of one hook-tool process (is-leader) through the forwarder, as the charm spawns it. */
    private static long toolCallMillis(ContractRunner runner, int runs) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(runner.runTool(Event.updateStatus(), State.of("greeter/0"), "is-leader", "--format=json")
                    .millis());
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static java.util.Map<String, String> Map() {
        return java.util.Map.of();
    }

    private static ContractRunner runner(Path charm, Path dir, boolean noCds) {
        ContractRunner runner = new ContractRunner(charm, dir);
        if (noCds) {
            runner.withEnvironment("CHARM_NO_CDS", "1");
        }
        return runner;
    }

    private static long median(ContractRunner runner, State state, int runs) {
        runner.reset(state);
        // The first run installs the state and (with CDS) writes the archive; it is not counted.
        check(runner.run(Event.updateStatus(), state));
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(check(runner.run(Event.updateStatus(), state)).millis());
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static ContractRunner.ContractResult check(ContractRunner.ContractResult result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("update-status failed: " + result.stderr());
        }
        return result;
    }

    /** One jar with every class of this test's classpath, as the shade plugin makes for a charm. */
    static Path shadedJar(Path target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.instanceha.ops.testcharm.GreeterCharm");
        Set<String> seen = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (entry.contains("junit")
                        || entry.contains("mockito")
                        || entry.contains("byte-buddy")
                        || entry.contains("opentest4j")
                        || entry.contains("apiguardian")
                        || entry.contains("surefire")) {
                    continue; // test-only libraries a charm never ships
                }
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                            add(jar, seen, path.relativize(f).toString(), Files.newInputStream(f));
                        }
                    }
                } else if (entry.endsWith(".jar") && Files.exists(path)) {
                    try (JarFile in = new JarFile(path.toFile())) {
                        for (JarEntry e : Collections.list(in.entries())) {
                            if (!e.isDirectory()) {
                                add(jar, seen, e.getName(), in.getInputStream(e));
                            }
                        }
                    }
                }
            }
        }
        return target;
    }

    private static void add(JarOutputStream jar, Set<String> seen, String name, InputStream in) throws IOException {
        try (in) {
            if (name.startsWith("META-INF/")
                            && (name.endsWith(".SF")
                                    || name.endsWith(".RSA")
                                    || name.endsWith(".DSA")
                                    || name.equals("META-INF/MANIFEST.MF")
                                    || name.contains("module-info"))
                    || name.endsWith("module-info.class")
                    || !seen.add(name)) {
                return;
            }
            jar.putNextEntry(new JarEntry(name));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
