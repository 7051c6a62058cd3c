package dev.instanceha.ops.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which classes one {@code update-status} loads: a packed charm unpacked as Juju does, its real
 * dispatch run once against the fake hook tools with {@code -Xshare:off} and the class-load log,
 * the log's lines counted by where each class came from. Run with {@code tests/bench/class-load}.
 * The hook runs on this machine: give a unit state in which it touches nothing (see the script).
 */
public final class HookClassLoads {
    private HookClassLoads() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HookClassLoads <file.charm> <unit> [state-key=value ...]");
            System.exit(2);
        }
        Path charm = Path.of(args[0]).toAbsolutePath();
        Map<String, String> unitState = new LinkedHashMap<>();
        for (String pair : List.of(args).subList(2, args.length)) {
            int eq = pair.indexOf('=');
            unitState.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Path work = Files.createTempDirectory("class-load");
        Path log = work.resolve("class-load.log");
        // No AppCDS archive and no default CDS: every class is loaded, and logged, from its source.
        ContractRunner runner = new ContractRunner(charm, work).withEnvironment("CHARM_NO_CDS", "1")
                .withEnvironment("JAVA_OPTS", "-Xshare:off -Xlog:class+load:file=" + log);
        State state = State.of(args[1]).withUnitState(unitState);
        runner.reset(state);
        ContractRunner.ContractResult hook = runner.run(Event.updateStatus(), state);
        if (hook.exitCode() != 0) {
            throw new IllegalStateException("update-status exited " + hook.exitCode() + ": " + hook.stderr());
        }
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains(" source: ")).toList();
        Map<String, Integer> fromJar = new TreeMap<>();
        int jar = 0;
        int jdk = 0;
        for (String line : lines) {
            String source = line.substring(line.indexOf(" source: ") + 9);
            if (source.endsWith("/lib/charm.jar")) {
                jar++;
                fromJar.merge(owner(className(line)), 1, Integer::sum);
            } else if (source.startsWith("jrt:/")) {
                jdk++;
            }
        }
        System.out.printf("%s update-status: %s%n", charm.getFileName(), hook.unitStatus());
        System.out.printf("classes loaded: %d; from lib/charm.jar: %d; from the JDK: %d;"
                + " generated at run time (lambdas, method handles): %d%n", lines.size(), jar, jdk,
                lines.size() - jar - jdk);
        fromJar.forEach((owner, count) -> System.out.printf("  charm.jar %-28s %d%n", owner, count));
        System.out.println("log: " + log);
    }

    private static String className(String line) {
        String head = line.substring(0, line.indexOf(" source: "));
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    /** The first three name segments (dev.instanceha.ops, com.fasterxml.jackson, ...). */
    private static String owner(String className) {
        String[] parts = className.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
    }
}
