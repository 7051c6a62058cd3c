package dev.instanceha.hostmonitor.state;

import dev.instanceha.hostmonitor.cluster.ClusterNode;

/** One sample of a host, coarse on purpose: flapping is judged on up versus not up. */
enum Observation {
    UP,
    DOWN,
    PENDING;

    static Observation of(ClusterNode n) {
        if (n.unclean()) {
            return DOWN;
        }
        if (n.pending()) {
            return PENDING;
        }
        return n.online() ? UP : DOWN;
    }
}
