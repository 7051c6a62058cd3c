package dev.instanceha.ops.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which classes one {@code update-status} loads ({@link ClassLoadRecorder}), counted by where each
 * class came from. Run with {@code tests/bench/class-load}. The hook runs on this machine: give a
 * unit state in which it touches nothing (see the script).
 */
public final class HookClassLoads {
    private HookClassLoads() {}

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
        ClassLoadRecorder recorder = new ClassLoadRecorder(charm, Files.createTempDirectory("class-load"));
        ClassLoadRecorder.Recorded run =
                recorder.run(Event.updateStatus(), State.of(args[1]).withUnitState(unitState));
        if (run.hook().exitCode() != 0) {
            throw new IllegalStateException("update-status exited " + run.hook().exitCode() + ": "
                    + run.hook().stderr());
        }
        Map<String, Integer> fromJar = new TreeMap<>();
        int jar = 0;
        int jdk = 0;
        for (ClassLoadRecorder.LoadedClass loaded : run.classes()) {
            if (loaded.fromCharmJar()) {
                jar++;
                fromJar.merge(owner(loaded.name()), 1, Integer::sum);
            } else if (loaded.fromJdk()) {
                jdk++;
            }
        }
        int total = run.classes().size();
        System.out.printf(
                "%s update-status: %s%n", charm.getFileName(), run.hook().unitStatus());
        System.out.printf(
                "classes loaded: %d; from lib/charm.jar: %d; from the JDK: %d;"
                        + " generated at run time (lambdas, method handles): %d%n",
                total, jar, jdk, total - jar - jdk);
        fromJar.forEach((owner, count) -> System.out.printf("  charm.jar %-28s %d%n", owner, count));
        System.out.println("log: " + recorder.log());
    }

    /** The first three name segments (dev.instanceha.ops, com.fasterxml.jackson, ...). */
    private static String owner(String className) {
        String[] parts = className.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
    }
}
