package dev.instanceha.hostmonitor.config;

/** Everything the daemon needs, typed and validated. */
public record MonitorConfig(ApiSettings api, HostSettings host, DaemonSettings daemon) {}
