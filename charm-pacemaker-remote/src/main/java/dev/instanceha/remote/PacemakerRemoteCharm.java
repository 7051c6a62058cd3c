package dev.instanceha.remote;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.interfaces.RequiredRelations;
import dev.instanceha.interfaces.jujuinfo.JujuInfoRequirer;
import dev.instanceha.interfaces.jujuinfo.Principal;
import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import dev.instanceha.interfaces.pacemaker.PacemakerRemoteProvider;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.WorkloadVersion;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.resource.Applied;
import dev.instanceha.ops.resource.Daemon;
import dev.instanceha.ops.resource.DesiredState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pacemaker-remote charm: a subordinate that makes its principal's machine a pacemaker remote
 * node of the cluster hacluster forms. It announces the node on {@code pacemaker-remote}, writes
 * the cluster's authkey and runs pacemaker-remoted while, and only while, a cluster is related.
 */
public final class PacemakerRemoteCharm implements Charm {
    /** pacemaker-remoted's TLS port (PCMK_remote_port; the cluster side assumes the default). */
    static final String PORT = "3121/tcp";

    public static void main(String[] args) {
        CharmRunner.main(new PacemakerRemoteCharm(), args);
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.progress("Installing packages"); // shown while apt runs
    }

    @Override
    public void reconcile(HookContext hook) {
        RemoteConfig config = hook.model().config().as(RemoteConfig.class);
        if (!hook.ensurePackages(RemotePackages.SET)) {
            return; // announcing a node that cannot run the daemon would get it fenced
        }
        String service = RemoteService.detect(hook.host());
        Endpoint clusterEndpoint = hook.endpoint(PacemakerRemoteProvider.ENDPOINT);
        PacemakerRemoteProvider cluster = new PacemakerRemoteProvider(clusterEndpoint);
        cluster.publish(NodeAnnouncement.build(config, MachineHostname.fqdn(hook.host()), clusterEndpoint.address()));

        Completeness<Principal> principal = new JujuInfoRequirer(hook.endpoint(JujuInfoRequirer.ENDPOINT)).read();
        Completeness<PacemakerKey> key = cluster.read();
        Map<String, Completeness<?>> relations = new LinkedHashMap<>();
        relations.put(JujuInfoRequirer.ENDPOINT, principal);
        relations.put(PacemakerRemoteProvider.ENDPOINT, key);
        RequiredRelations.report(hook, relations, RequiredRelations.Detail.REASONS);
        if (!key.isComplete() && cluster.malformed()) {
            hook.report(Status.blocked("'" + PacemakerRemoteProvider.ENDPOINT + "' data unusable: "
                    + key.reason().orElse("").replaceFirst("^" + PacemakerRemoteProvider.ENDPOINT + ": ", "")));
        }

        // Related but no (agreed) key yet: keep whatever runs now; a key rotation in progress
        // on the hacluster side must not take the node out of the cluster.
        Optional<DesiredState> desired = clusterEndpoint.isRelated()
                ? key.value().map(agreed -> inCluster(service, agreed))
                : Optional.of(outsideCluster(service));
        desired.map(hook::apply)
                .ifPresent(applied -> reportApplied(hook, applied, service, clusterEndpoint.isRelated()));
        WorkloadVersion.publish(hook, RemotePackages.DAEMON);
    }

    /** Key in place, daemon running with it (restarted when it changed: read only at start), port open. */
    private static DesiredState inCluster(String service, PacemakerKey key) {
        return new DesiredState()
                .file(AuthKeyFile.PATH, key.bytes(), AuthKeyFile.SPEC)
                .daemon(Daemon.running(service, List.of(AuthKeyFile.PATH)))
                .ports(PORT);
    }

    /**
     * No cluster related (never yet, or the relation was removed): the daemon stopped (an orderly
     * stop is a clean leave for the cluster), the old cluster's key gone and the port closed, so
     * nothing on this machine still accepts that cluster.
     */
    private static DesiredState outsideCluster(String service) {
        return new DesiredState()
                .daemon(Daemon.stopped(service))
                .absent(AuthKeyFile.PATH)
                .ports();
    }

    private static void reportApplied(HookContext hook, Applied applied, String service, boolean inCluster) {
        if (applied.changed().contains(AuthKeyFile.PATH)) {
            hook.log()
                    .info(
                            inCluster
                                    ? "pacemaker authkey changed: restarting " + service
                                    : "no cluster related: stopped " + service + " and removed its authkey");
        }
        applied.daemonProblems().forEach(hook::report);
    }

    @Override
    public void onRemove(HookContext hook) {
        DesiredState gone = new DesiredState().absent(AuthKeyFile.PATH);
        RemoteService.find(hook.host()).ifPresent(service -> gone.daemon(Daemon.stopped(service)));
        hook.apply(gone);
    }
}
