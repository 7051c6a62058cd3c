package dev.instanceha.interfaces.pacemaker;

/** Keys of interface {@code pacemaker-remote}. */
final class PacemakerRemoteKeys {
    static final String REMOTE_HOSTNAME = "remote-hostname";
    static final String REMOTE_IP = "remote-ip";
    static final String STONITH_HOSTNAME = "stonith-hostname";
    static final String ENABLE_RESOURCES = "enable-resources";
    static final String PACEMAKER_KEY = "pacemaker-key";

    private PacemakerRemoteKeys() {}
}
