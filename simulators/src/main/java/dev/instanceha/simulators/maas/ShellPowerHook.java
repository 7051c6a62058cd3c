package dev.instanceha.simulators.maas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell command for a power change: {@code sh -c <command> sh <hostname> <on|off>}, with
 * MAAS_HOSTNAME and MAAS_POWER_TARGET in the environment, and {@code {hostname}} / {@code {target}}
 * in the command text replaced (safe: {@link MachineSpec} only admits DNS-label hostnames).
 */
public final class ShellPowerHook implements PowerHook {
    private final String command;
    private final Duration timeout;

    public ShellPowerHook(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    @Override
    public void apply(String hostname, PowerState target) throws IOException, InterruptedException {
        String script = command.replace("{hostname}", hostname).replace("{target}", target.json());
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", script, "sh", hostname, target.json()));
        pb.environment().put("MAAS_HOSTNAME", hostname);
        pb.environment().put("MAAS_POWER_TARGET", target.json());
        pb.redirectErrorStream(true);
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("power command timed out after " + timeout.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            String text = new String(output, StandardCharsets.UTF_8).strip();
            throw new IOException("power command exited " + process.exitValue()
                    + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
    }
}
