package dev.instanceha.hostmonitor.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Runs crm_mon (or any command printing the same XML) once per read. */
public final class CommandClusterSource implements ClusterSource {

    private static final Logger LOG = Logger.getLogger(CommandClusterSource.class.getName());

    private final List<String> command;
    private final Duration timeout;
    private final CrmMonXmlParser parser;

    public CommandClusterSource(List<String> command, Duration timeout, CrmMonXmlParser parser) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty cluster status command");
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.parser = parser;
    }

    @Override
    public ClusterSnapshot read() throws ClusterSourceException {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new ClusterSourceException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ClusterSourceException(
                        String.join(" ", command) + " timed out after " + timeout.toSeconds() + "s");
            }
            byte[] stdout = out.get();
            String stderr = new String(err.get(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new ClusterSourceException(String.join(" ", command) + " exited " + p.exitValue()
                        + (stderr.isEmpty() ? "" : ": " + stderr));
            }
            if (!stderr.isEmpty()) {
                // Upstream treats any stderr as failure; crm_mon also warns there (e.g. fencer
                // unreachable), so the XML is still used when the exit code is 0.
                LOG.warning(() -> command.get(0) + " stderr: " + stderr);
            }
            return parser.parse(stdout);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ClusterSourceException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException e) {
            throw new ClusterSourceException("reading " + command.get(0) + " output failed", e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
