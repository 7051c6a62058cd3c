package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.CibChange;
import dev.instanceha.hacluster.cib.CibInputs;
import dev.instanceha.hacluster.cib.CibPlan;
import dev.instanceha.hacluster.cib.CibXml;
import dev.instanceha.hacluster.cib.CrmSyntaxException;
import dev.instanceha.hacluster.cib.DesiredCib;
import dev.instanceha.hacluster.cib.LiveCib;
import dev.instanceha.hacluster.cib.StonithDevice;
import dev.instanceha.hacluster.cib.XmlNode;
import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.hacluster.corosync.CorosyncSettings;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.hacluster.HaClusterProvider;
import dev.instanceha.interfaces.hacluster.HaRequest;
import dev.instanceha.interfaces.hacluster.HaResources;
import dev.instanceha.interfaces.pacemaker.PacemakerRemoteRequirer;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import dev.instanceha.interfaces.pacemaker.RemoteNodes;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.WorkloadVersion;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hacluster charm: forms a corosync/pacemaker cluster on its units once {@code cluster_count}
 * of them are present, runs the principal's resources, registers pacemaker-remote nodes (keeping
 * the principal's resources off those that refuse them) and fences them through MAAS. Only the
 * leader writes the CIB; every unit answers {@code clustered} once the CIB holds what was asked.
 */
public final class HaclusterCharm implements Charm {
    static final String PEERS = "hanode";
    static final String HA = HaClusterProvider.ENDPOINT;
    static final String REMOTES = PacemakerRemoteRequirer.ENDPOINT;
    static final String READY = "Unit is ready and clustered";

    /** How long to wait for a just-started pacemaker to answer cibadmin. */
    private final int startupAttempts;
    private final Duration startupPause;

    public HaclusterCharm() {
        this(12, Duration.ofSeconds(5));
    }

    HaclusterCharm(int startupAttempts, Duration startupPause) {
        this.startupAttempts = startupAttempts;
        this.startupPause = startupPause;
    }

    public static void main(String[] args) {
        CharmRunner.main(new HaclusterCharm(), args);
    }

    @Override
    public String readyMessage() {
        return READY;
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.showStatus(Status.maintenance("Installing packages"));
        HaclusterPackages.ensure(hook);
        ClusterServices.stopUnconfigured(hook.host());
    }

    @Override
    public void onUpgrade(HookContext hook) {
        HaclusterPackages.forget(hook);
    }

    @Override
    public void onRemove(HookContext hook) {
        // The remaining members see an orderly leave, not a failure to fence.
        ClusterServices.stopAll(hook.host());
    }

    @Override
    public void reconcile(HookContext hook) {
        Model model = hook.model();
        HaclusterConfig config = HaclusterConfig.from(model.config());
        HaclusterPackages.ensure(hook);
        WorkloadVersion.publish(hook, "pacemaker");
        Optional<RelationView> peers = model.relation(PEERS);
        if (peers.isEmpty()) {
            hook.report(Status.waiting("Waiting for the hanode peer relation"));
            return;
        }
        String nodeName = NodeName.of(hook.host());
        String address = model.unitAddress(PEERS);

        Optional<ClusterKeys> keys = ClusterSecrets.resolve(hook, config, peers.get());
        if (keys.isEmpty()) {
            announce(model, peers.get(), nodeName, false, false);
            hook.report(Status.waiting("Waiting for the leader to share the cluster keys"));
            return;
        }
        PacemakerRemoteRequirer remoteSide = new PacemakerRemoteRequirer();
        model.relations(REMOTES).forEach(r -> model.publishUnit(r, remoteSide.unitData(keys.get().pacemaker())));

        List<CorosyncNode> members = ClusterMembers.read(model.unitName(), nodeName, address, peers.get());
        if (members.size() < config.clusterCount()) {
            announce(model, peers.get(), nodeName, false, false);
            hook.report(Status.waiting("Insufficient peer units for ha cluster (require " + config.clusterCount() + ")"));
            return;
        }
        Completeness<HaRequest> request = new HaClusterProvider().read(model.relations(HA));
        boolean pacemakerStarted = formCluster(hook, config, members, keys.get(), request);
        boolean clustered = configureResources(hook, config, members, request, pacemakerStarted);
        announce(model, peers.get(), nodeName, true, clustered);
    }

    /** corosync.conf, keys, daemons. True when pacemaker was (re)started just now. */
    private boolean formCluster(HookContext hook, HaclusterConfig config, List<CorosyncNode> members, ClusterKeys keys,
                                Completeness<HaRequest> request) {
        int port = config.mcastPort().or(() -> request.value().flatMap(HaRequest::mcastPort))
                .orElse(CorosyncSettings.DEFAULT_PORT);
        CorosyncSettings settings = new CorosyncSettings(clusterName(hook.model().appName()), config.transport(),
                members, config.mcastAddr(), port, config.netmtu(), config.debug());
        ClusterFiles.Changes changes = ClusterFiles.apply(hook.host(), settings, keys);
        if (changes.corosync() || changes.pacemaker()) {
            hook.log().info("cluster configuration changed: restarting "
                    + (changes.corosync() ? "corosync and pacemaker" : "pacemaker"));
        }
        MaasKeyFile.apply(hook.host(), config.maas());
        return ClusterServices.ensure(hook.host(), changes);
    }

    /**
     * The CIB: applied by the leader, checked by the others. True when it holds what was asked
     * (the principal's resources included), which is when {@code clustered} is answered.
     */
    private boolean configureResources(HookContext hook, HaclusterConfig config, List<CorosyncNode> members,
                                       Completeness<HaRequest> request, boolean pacemakerStarted) {
        Model model = hook.model();
        if (!model.relations(HA).isEmpty() && !request.isComplete()) {
            // Never apply a partial view: placement rules of resources we cannot see would be dropped.
            hook.report(Status.waiting("'ha' incomplete: " + request.reason().orElse("")));
            return false;
        }
        HaResources principal = request.value().map(HaRequest::resources).orElse(HaResources.EMPTY);
        InitServices.disable(hook, principal.initServices());
        RemoteNodes remotes = new PacemakerRemoteRequirer().read(model.relations(REMOTES));
        remotes.incomplete().forEach((unit, reason) ->
                hook.report(Status.waiting("'pacemaker-remote' incomplete: " + reason)));
        List<RemoteNode> ready = new ArrayList<>(remotes.ready().values());
        Optional<MaasSettings> maas = fencing(hook, config, ready);

        DesiredCib desired;
        try {
            desired = CibXml.desired(new CibInputs(principal, ready, members.stream().map(CorosyncNode::name).toList(),
                    maas, config.cluster()));
        } catch (CrmSyntaxException e) {
            hook.report(Status.blocked("'ha' request not supported: " + e.getMessage()));
            return false;
        }
        LiveCib cib = new LiveCib(hook.host());
        Optional<XmlNode> current = awaitCib(cib, pacemakerStarted ? startupAttempts : 1);
        if (current.isEmpty()) {
            hook.report(pacemakerStarted ? Status.waiting("Waiting for pacemaker to start")
                    : Status.blocked("Pacemaker is down. Please manually start it."));
            return false;
        }
        List<CibChange> plan = CibPlan.between(desired, current.get());
        if (model.isLeader()) {
            for (CibChange change : plan) {
                hook.log().info("CIB: " + change.description());
                cib.apply(change);
            }
            return true;
        }
        if (!plan.isEmpty()) {
            String pending = CibPlan.firstPending(desired, plan).map(id -> "Resource: " + id + " not yet configured")
                    .orElse("Waiting for the leader to configure the cluster");
            hook.report(Status.waiting(pending));
            return false;
        }
        return true;
    }

    /** MAAS settings if fencing can and should be set up; says why not otherwise. */
    private static Optional<MaasSettings> fencing(HookContext hook, HaclusterConfig config, List<RemoteNode> remotes) {
        long asking = StonithDevice.fenced(remotes).size();
        if (asking == 0) {
            return config.maas();
        }
        if (config.maas().isEmpty()) {
            hook.report(Status.blocked("enable-stonith requested by " + asking + " remote node(s) but maas_url and "
                    + "maas_credentials are not set: STONITH disabled"));
            return Optional.empty();
        }
        if (!FenceAgent.ensure(hook.host(), hook.juju().charmDir())) {
            hook.report(Status.blocked(FenceAgent.MISSING));
            return Optional.empty();
        }
        return config.maas();
    }

    private Optional<XmlNode> awaitCib(LiveCib cib, int attempts) {
        for (int attempt = 1; ; attempt++) {
            Optional<XmlNode> current = cib.configuration();
            if (current.isPresent() || attempt >= attempts) {
                return current;
            }
            try {
                Thread.sleep(startupPause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Publishes this unit's peer announcement and, on every ha relation, whether it is clustered. */
    private static void announce(Model model, RelationView peers, String nodeName, boolean memberReady, boolean clustered) {
        model.publishUnit(peers, ClusterMembers.announcement(nodeName, memberReady));
        HaClusterProvider provider = new HaClusterProvider();
        for (RelationView ha : model.relations(HA)) {
            model.publishUnit(ha, provider.unitData(clustered));
        }
    }

    /** Corosync's cluster_name from the application name (letters, digits, '-' and '_'). */
    static String clusterName(String appName) {
        String name = appName.replaceAll("[^A-Za-z0-9_-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
