package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One in-process run of the agent: exit status, stdout, stderr and wall time. Every run checks
 * that no part of the given secret shows up in either stream.
 */
record AgentRun(int exit, String out, String err, Duration took) {

    static AgentRun stdin(String stdin, Map<String, String> env, String secret) {
        return run(new String[0], stdin, env, secret);
    }

    static AgentRun argv(String[] args, Map<String, String> env, String secret) {
        return run(args, "", env, secret);
    }

    private static AgentRun run(String[] args, String stdin, Map<String, String> env, String secret) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit = FenceMaasMain.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env::get);
        AgentRun run = new AgentRun(
                exit,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
        run.assertNoSecret(secret);
        return run;
    }

    void assertNoSecret(String secret) {
        if (secret == null) {
            return;
        }
        for (String part : secret.split(":")) {
            assertFalse(out.contains(part), "stdout leaks a key part: " + out);
            assertFalse(err.contains(part), "stderr leaks a key part: " + err);
        }
    }

    @Override
    public String toString() {
        return "exit=" + exit + " took=" + took.toMillis() + "ms\nstdout: " + out + "\nstderr: " + err;
    }
}
