package dev.instanceha.ops.hooktools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Spawns the hook tool as a child process and captures its output. */
final class ProcessToolRunner implements ToolRunner {
    @Override
    public ToolResult run(String tool, List<String> args, byte[] stdin) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(tool);
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).start();
            // stderr is read concurrently so a chatty tool can't block on a full pipe.
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            String stdout = readAll(process.getInputStream());
            int exit = process.waitFor();
            return new ToolResult(exit, stdout, stderr.join());
        } catch (IOException e) {
            // Most likely the tool is not on PATH: report it like a failed tool, exit 127 as a shell would.
            return new ToolResult(127, "", "cannot run " + tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolResult(130, "", tool + " interrupted");
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
