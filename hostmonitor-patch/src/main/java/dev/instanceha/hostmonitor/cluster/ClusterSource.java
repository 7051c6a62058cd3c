package dev.instanceha.hostmonitor.cluster;

/** Where the daemon gets the cluster view from: the real crm_mon, a file, or a test double. */
@FunctionalInterface
public interface ClusterSource {
    ClusterSnapshot read() throws ClusterSourceException;
}
