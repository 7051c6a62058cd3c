package dev.instanceha.hacluster;

/**
 * Cluster-wide pacemaker settings from config (properties and resource defaults).
 *
 * @param failureTimeout seconds; 0 keeps failures until cleaned up
 */
public record ClusterOptions(
        String noQuorumPolicy, long failureTimeout, long recheckInterval, boolean maintenanceMode) {
    public static final ClusterOptions DEFAULTS = new ClusterOptions("stop", 180, 60, false);
}
