package dev.instanceha.hostmonitor.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Watch mode: keeps a long-running command (by default crm_mon refreshing its text view on every
 * CIB change) and treats each burst of output as "something changed, read the cluster now".
 * Restarts the command if it exits; the poll timer still applies, so a dead watcher only costs latency.
 */
public final class CommandTrigger implements Trigger {

    private static final Logger LOG = Logger.getLogger(CommandTrigger.class.getName());

    private final List<String> command;
    private final Semaphore changes = new Semaphore(0);
    private final Thread reader;
    private volatile Process process;
    private volatile boolean closed;

    public CommandTrigger(List<String> command) {
        this.command = List.copyOf(command);
        this.reader = new Thread(this::watch, "watch-trigger");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void await(Duration max) throws InterruptedException {
        if (changes.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            changes.drainPermits(); // one read covers every line printed so far
        }
    }

    private void watch() {
        while (!closed) {
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getOutputStream().close();
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    while (r.readLine() != null) {
                        changes.release();
                    }
                }
                int rc = process.waitFor();
                if (!closed) {
                    LOG.warning("watch command exited " + rc + "; restarting in 5s");
                }
            } catch (IOException e) {
                LOG.warning("watch command failed: " + e.getMessage() + "; retrying in 5s");
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            p.destroy(); // our own child only
        }
        reader.interrupt();
    }
}
