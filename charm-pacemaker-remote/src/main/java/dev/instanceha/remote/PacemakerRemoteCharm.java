package dev.instanceha.remote;

import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.RequiredRelations;
import dev.instanceha.interfaces.jujuinfo.JujuInfoRequirer;
import dev.instanceha.interfaces.jujuinfo.Principal;
import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import dev.instanceha.interfaces.pacemaker.PacemakerRemoteProvider;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.WorkloadVersion;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.resource.DesiredState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pacemaker-remote charm: a subordinate that makes its principal's machine a pacemaker remote
 * node of the cluster hacluster forms. It announces the node on {@code pacemaker-remote}, writes
 * the cluster's authkey and runs pacemaker-remoted while, and only while, a cluster is related.
 */
public final class PacemakerRemoteCharm implements Charm {
    static final String JUJU_INFO = "juju-info";
    static final String CLUSTER = PacemakerRemoteProvider.ENDPOINT;
    /** pacemaker-remoted's TLS port (PCMK_remote_port; the cluster side assumes the default). */
    static final String PORT = "3121/tcp";

    public static void main(String[] args) {
        CharmRunner.main(new PacemakerRemoteCharm(), args);
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.progress("Installing packages"); // shown while apt runs
        RemotePackages.ensure(hook);
    }

    @Override
    public void onUpgrade(HookContext hook) {
        RemotePackages.forget(hook);
    }

    @Override
    public void reconcile(HookContext hook) {
        Model model = hook.model();
        Host host = hook.host();
        RemoteConfig config = RemoteConfig.from(model.config());
        if (!RemotePackages.ensure(hook)) {
            return; // announcing a node that cannot run the daemon would get it fenced
        }
        Optional<RemoteService> service = RemoteService.detect(host);
        if (service.isEmpty()) {
            hook.report(Status.blocked(RemoteService.NOT_FOUND));
            return;
        }
        RemoteNode node = NodeAnnouncement.build(config, MachineHostname.fqdn(host), model.unitAddress(CLUSTER));
        PacemakerRemoteProvider cluster = new PacemakerRemoteProvider(node);
        for (RelationView relation : model.relations(CLUSTER)) {
            model.publishUnit(relation, cluster.unitData());
        }

        Completeness<Principal> principal = new JujuInfoRequirer(JUJU_INFO).read(model.relations(JUJU_INFO));
        Completeness<PacemakerKey> key = cluster.read(model.relations(CLUSTER));
        key.value().ifPresent(k -> hook.log().secret(k.base64()));
        Map<String, Completeness<?>> relations = new LinkedHashMap<>();
        relations.put(JUJU_INFO, principal);
        relations.put(CLUSTER, key);
        RequiredRelations.report(hook, relations, RequiredRelations.Detail.REASONS);
        if (!key.isComplete() && cluster.malformed(model.relations(CLUSTER))) {
            hook.report(Status.blocked("'" + CLUSTER + "' data unusable: " + key.reason().orElse("")
                    .replaceFirst("^" + CLUSTER + ": ", "")));
        }

        if (model.relations(CLUSTER).isEmpty()) {
            leaveCluster(hook, service.get());
        } else if (key.isComplete()) {
            joinCluster(hook, service.get(), key.value().orElseThrow());
        }
        // Related but no (agreed) key yet: keep whatever runs now; a key rotation in progress
        // on the hacluster side must not take the node out of the cluster.
        WorkloadVersion.publish(hook, RemotePackages.PACKAGES.get(0));
    }

    /** Key in place, daemon running with it, port open. */
    private static void joinCluster(HookContext hook, RemoteService service, PacemakerKey key) {
        boolean keyChanged = AuthKeyFile.write(hook.host(), key);
        if (keyChanged) {
            hook.log().info("pacemaker authkey changed: restarting " + service.name());
        }
        service.ensureRunning(hook.host(), keyChanged).ifPresent(hook::report);
        hook.apply(new DesiredState().ports(PORT));
    }

    /**
     * No cluster related (never yet, or the relation was removed): stop the daemon, drop the old
     * cluster's key and close the port, so nothing on this machine still accepts that cluster.
     */
    private static void leaveCluster(HookContext hook, RemoteService service) {
        service.stop(hook.host());
        if (AuthKeyFile.remove(hook.host())) {
            hook.log().info("no cluster related: stopped " + service.name() + " and removed its authkey");
        }
        hook.apply(new DesiredState().ports());
    }

    @Override
    public void onRemove(HookContext hook) {
        RemoteService.detect(hook.host()).ifPresent(service -> service.stop(hook.host()));
        AuthKeyFile.remove(hook.host());
    }
}
