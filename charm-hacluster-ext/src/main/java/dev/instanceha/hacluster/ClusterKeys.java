package dev.instanceha.hacluster;

import dev.instanceha.interfaces.Redact;
import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import java.util.Base64;

/** The two shared secrets of the cluster: corosync's authkey and pacemaker's (shared with remotes). */
public record ClusterKeys(String corosyncBase64, PacemakerKey pacemaker) {
    public byte[] corosyncBytes() {
        return Base64.getDecoder().decode(corosyncBase64);
    }

    @Override
    public String toString() {
        return "ClusterKeys[corosync=" + Redact.secret(corosyncBase64) + ", pacemaker=" + pacemaker + "]";
    }
}
