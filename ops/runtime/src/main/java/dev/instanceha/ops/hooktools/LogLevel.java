package dev.instanceha.ops.hooktools;

/** The levels {@code juju-log -l} accepts. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARNING,
    ERROR
}
