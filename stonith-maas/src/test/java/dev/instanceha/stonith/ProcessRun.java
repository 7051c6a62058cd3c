package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a packaged executable (the fence_maas wrapper, external-maas) as a real process. */
record ProcessRun(int exit, String out, String err) {

    /** target/dist as the build made it; a missing one fails the test with how to build it. */
    static Path dist() {
        String dir = System.getProperty("fence.maas.dist");
        if (dir == null || !Files.isExecutable(Path.of(dir, "fence_maas"))) {
            fail("packaged agent not found (fence.maas.dist=" + dir
                    + "); build it with: mvn -pl stonith-maas -am package");
        }
        return Path.of(dir);
    }

    static ProcessRun run(List<String> command, Map<String, String> env, String stdin) throws Exception {
        return run(command, env, stdin, p -> {});
    }

    /** @param whileRunning called with the started process before its stdin is written */
    static ProcessRun run(List<String> command, Map<String, String> env, String stdin, Consumer<Process> whileRunning)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(Params.API_KEY_ENV);
        pb.environment().putAll(env);
        Process process = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        whileRunning.accept(process);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "process did not finish: " + command);
        return new ProcessRun(process.exitValue(), out.get(), err.get());
    }

    /** Command lines of a process and all its descendants, from /proc (NUL separators become spaces). */
    static List<String> commandLines(Process process) {
        List<String> lines = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        handles.add(process.toHandle());
        process.descendants().forEach(handles::add);
        for (ProcessHandle handle : handles) {
            try {
                byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
                lines.add(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
            } catch (IOException gone) {
                // The process ended between listing and reading; nothing to check.
            }
        }
        return lines;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    @Override
    public String toString() {
        return "exit=" + exit + "\nstdout: " + out + "\nstderr: " + err;
    }
}
