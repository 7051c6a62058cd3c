package dev.instanceha.hostmonitor.cluster;

/** Kind of pacemaker node as crm_mon reports it; guests are remotes that a cluster resource runs. */
public enum NodeType {
    MEMBER,
    REMOTE,
    GUEST,
    PING,
    UNKNOWN;

    /** Remote and guest nodes are what {@code restrict_to_remotes} selects. */
    public boolean isRemoteKind() {
        return this == REMOTE || this == GUEST;
    }
}
