package dev.instanceha.hostmonitor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** This monitor's own options, section [hostmonitor_java]. */
public record DaemonSettings(
        Mode mode,
        Duration pollInterval,
        List<String> statusCommand,
        List<String> watchCommand,
        Duration commandTimeout,
        Path outboxDir,
        Set<String> selfNames,
        boolean dryRun) {

    /** poll: read the cluster every poll_interval; watch: also re-read whenever watch_command prints a line. */
    public enum Mode {
        POLL,
        WATCH
    }
}
