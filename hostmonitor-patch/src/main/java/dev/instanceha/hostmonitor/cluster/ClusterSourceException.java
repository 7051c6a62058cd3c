package dev.instanceha.hostmonitor.cluster;

/** The cluster view could not be read this cycle (command failed, bad XML, timeout). */
public class ClusterSourceException extends Exception {
    public ClusterSourceException(String message) {
        super(message);
    }

    public ClusterSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
