package dev.instanceha.hostmonitor.state;

/** Where one host stands from Masakari's point of view. */
public enum HostPhase {
    /** Not seen yet by this daemon. */
    UNKNOWN,
    ONLINE,
    /** Lost by the cluster; waiting for the fence to be confirmed or for stonith_wait to pass. */
    SUSPECT,
    /** STOPPED was queued for Masakari. */
    STOPPED_NOTIFIED,
    /** Offline without a failure to report: clean shutdown, standby, maintenance, or already down at start. */
    OFFLINE_QUIET
}
