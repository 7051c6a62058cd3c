package dev.instanceha.hacluster;

import dev.instanceha.ops.model.Secret;
import java.util.Base64;

/** The two shared secrets of the cluster, base64: corosync's authkey and pacemaker's (shared with remotes). */
public record ClusterKeys(Secret corosync, Secret pacemaker) {
    public byte[] corosyncBytes() {
        return Base64.getDecoder().decode(corosync.reveal());
    }

    public byte[] pacemakerBytes() {
        return Base64.getDecoder().decode(pacemaker.reveal());
    }
}
