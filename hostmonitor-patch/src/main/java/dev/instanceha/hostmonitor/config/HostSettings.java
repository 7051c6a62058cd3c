package dev.instanceha.hostmonitor.config;

import java.time.Duration;

/** The masakarimonitors.conf [host] options this monitor acts on (same names and defaults as upstream). */
public record HostSettings(
        Duration monitoringInterval,
        int monitoringSamples,
        int apiRetryMax,
        Duration apiRetryInterval,
        boolean restrictToRemotes,
        Duration stonithWait) {}
