package dev.instanceha.hacluster;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.Services;
import dev.instanceha.ops.resource.DesiredState;
import java.nio.file.Path;

/**
 * Debian's packages start corosync and pacemaker as a one-node cluster named after the package
 * default (the source of upstream's stray "node1", LP 1874719): stopped until this charm has written
 * its own configuration, and the CIB that default cluster wrote is dropped, or "node1" stays in it
 * as an unclean node that pacemaker tries to fence before it starts any resource. Nothing of ours
 * can be in that CIB: our corosync.conf is not written yet.
 */
final class PackageDefaultCluster {
    static final Path CIB = Path.of("/var/lib/pacemaker/cib/cib.xml");
    static final Path CIB_SIGNATURE = Path.of("/var/lib/pacemaker/cib/cib.xml.sig");

    private PackageDefaultCluster() {}

    static void stop(HookContext hook) {
        if (ClusterResources.ours(hook.host())) {
            return;
        }
        // Unconditionally, not as a declared stopped daemon: one still "activating" under load is not
        // "running" yet, and left alone it would write the package default's CIB after it was deleted.
        Services services = hook.host().services();
        services.stop(ClusterResources.PACEMAKER);
        services.stop(ClusterResources.COROSYNC);
        hook.apply(new DesiredState().absent(CIB).absent(CIB_SIGNATURE));
    }
}
