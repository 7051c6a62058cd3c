package dev.instanceha.ops.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link Commands} as real child processes, killed (with their children) at the timeout. */
final class ProcessCommands implements Commands {
    @Override
    public CommandResult run(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new CommandResult(127, "", "cannot run " + command.argv().get(0) + ": " + e.getMessage(), false);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            if (command.stdin() != null) {
                in.write(command.stdin());
            }
        } catch (IOException closedEarly) {
            // The program did not read its input; its exit code tells the rest.
        }
        try {
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new CommandResult(-1, stdout.join(), stderr.join(), true);
            }
            return new CommandResult(process.exitValue(), stdout.join(), stderr.join(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new CommandResult(-1, "", "interrupted", true);
        }
    }

    @Override
    public boolean exists(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
