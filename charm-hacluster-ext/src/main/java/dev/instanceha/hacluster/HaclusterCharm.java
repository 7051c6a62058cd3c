package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.CibChange;
import dev.instanceha.hacluster.cib.CibIds;
import dev.instanceha.hacluster.cib.CibInputs;
import dev.instanceha.hacluster.cib.CibPlan;
import dev.instanceha.hacluster.cib.CibSnapshot;
import dev.instanceha.hacluster.cib.CibXml;
import dev.instanceha.hacluster.cib.CrmSyntaxException;
import dev.instanceha.hacluster.cib.DesiredCib;
import dev.instanceha.hacluster.cib.LiveCib;
import dev.instanceha.hacluster.cib.RemoteResources;
import dev.instanceha.hacluster.cib.StonithDevice;
import dev.instanceha.hacluster.cib.XmlNode;
import dev.instanceha.hacluster.corosync.CorosyncNode;
import dev.instanceha.hacluster.corosync.CorosyncSettings;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.UnitSelection;
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
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.resource.Applied;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hacluster charm: forms a corosync/pacemaker cluster on its units once {@code cluster_count}
 * of them are present, runs the principal's resources, registers pacemaker-remote nodes (keeping
 * the principal's resources off those that refuse them) and fences them through MAAS. Only the
 * leader writes the CIB; every unit answers {@code clustered} once the CIB holds what was asked.
 */
public final class HaclusterCharm implements Charm {
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
        hook.progress("Installing packages");
        hook.ensurePackages(HaclusterPackages.forHost(hook.host()));
        PackageDefaultCluster.stop(hook);
    }

    @Override
    public void onRemove(HookContext hook) {
        // The remaining members see an orderly leave, not a failure to fence.
        hook.apply(ClusterResources.stopped());
    }

    @Override
    public void reconcile(HookContext hook) {
        HaclusterConfig config = hook.model().config().as(HaclusterConfig.class);
        hook.ensurePackages(HaclusterPackages.forHost(hook.host()));
        WorkloadVersion.publish(hook, "pacemaker");
        ClusterPeers peers = ClusterPeers.of(hook);
        HaClusterProvider principal = new HaClusterProvider(hook.endpoint(HaClusterProvider.ENDPOINT));
        PacemakerRemoteRequirer remotes = new PacemakerRemoteRequirer(hook.endpoint(PacemakerRemoteRequirer.ENDPOINT));
        announce(peers, principal, false, false); // until the cluster below is formed and configured
        ClusterKeys keys = ClusterSecrets.resolve(hook, config, peers);
        remotes.publish(keys.pacemaker());
        List<CorosyncNode> members = peers.members(hook, config.clusterCount());
        Completeness<HaRequest> request = principal.read();
        CorosyncSettings corosync = new CorosyncSettings(
                clusterName(hook.model().appName()),
                config.transport(),
                members,
                config.mcastAddr(),
                corosyncPort(hook, config, principal, request),
                config.netmtu(),
                config.debug());
        Applied applied = hook.apply(ClusterResources.member(corosync, keys, config.maas()));
        reportDaemons(hook, applied);
        boolean clustered = configureResources(
                hook,
                config,
                peers,
                members,
                principal,
                remotes.read(),
                request,
                applied.startedNow(ClusterResources.PACEMAKER));
        announce(peers, principal, true, clustered);
    }

    /**
     * The port corosync uses: the option, else the principal's, else corosync's default. While the
     * principal's data cannot be read, the port corosync runs on now stays (a fallback to the default
     * would restart the cluster on another port); before the cluster first formed there is none.
     */
    private static int corosyncPort(
            HookContext hook, HaclusterConfig config, HaClusterProvider principal, Completeness<HaRequest> request) {
        if (config.mcastPort().isPresent()) {
            return config.mcastPort().get();
        }
        if (request.isComplete() || !principal.isRelated()) {
            return request.value().flatMap(HaRequest::mcastPort).orElse(CorosyncSettings.DEFAULT_PORT);
        }
        return ClusterResources.currentPort(hook.host())
                .orElseThrow(() -> new StatusException(haIncomplete(principal, request)));
    }

    /** Says what restarted (for the log) and which daemon does not run (blocked). */
    private static void reportDaemons(HookContext hook, Applied applied) {
        if (!applied.restarted().isEmpty()) {
            hook.log().info("cluster configuration changed: restarted " + String.join(" and ", applied.restarted()));
        }
        if (!applied.allRunning()) {
            hook.report(
                    Status.blocked("Services not running that should be: " + String.join(", ", applied.notRunning())));
        }
    }

    /** Everything one snapshot of the CIB leads to. */
    private record CibWork(
            CibSnapshot snapshot,
            RemoteRegistry.Outcome remotes,
            Fencing fencing,
            DesiredCib desired,
            List<CibChange> plan) {}

    /** MAAS settings when fencing can and should be set up, else why not. */
    private record Fencing(Optional<MaasSettings> maas, Optional<Status> problem) {}

    /** How often a leader re-reads a CIB that changed under its patch before waiting for the next hook. */
    static final int COMMIT_ATTEMPTS = 3;

    /**
     * The CIB: applied by the leader, checked by the others. True when it holds what was asked
     * (the principal's resources included), which is when {@code clustered} is answered.
     */
    private boolean configureResources(
            HookContext hook,
            HaclusterConfig config,
            ClusterPeers peers,
            List<CorosyncNode> members,
            HaClusterProvider ha,
            RemoteNodes announced,
            Completeness<HaRequest> request,
            boolean pacemakerStarted) {
        Model model = hook.model();
        if (ha.isRelated() && !request.isComplete()) {
            // Never apply a partial view: placement rules of resources we cannot see would be dropped.
            hook.report(haIncomplete(ha, request));
            return false;
        }
        HaResources principal = request.value().map(HaRequest::resources).orElse(HaResources.EMPTY);
        InitServices.disable(hook, principal.initServices());
        RemoteRecords stored = RemoteRecords.read(peers.appData());
        List<String> memberNames = members.stream().map(CorosyncNode::name).toList();
        LiveCib cib = new LiveCib(hook.host());

        CibWork work = null;
        LiveCib.Outcome outcome = null;
        for (int attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
            Optional<CibSnapshot> current = awaitCib(cib, pacemakerStarted && attempt == 1 ? startupAttempts : 1);
            if (current.isEmpty()) {
                hook.report(
                        pacemakerStarted
                                ? Status.waiting("Waiting for pacemaker to start")
                                : Status.blocked("Pacemaker is down. Please manually start it."));
                return false;
            }
            try {
                work = plan(hook, config, principal, announced, stored, memberNames, current.get());
            } catch (CrmSyntaxException e) {
                hook.report(Status.blocked("'ha' request not supported: " + e.getMessage()));
                return false;
            }
            if (!model.isLeader() || work.plan().isEmpty()) {
                break;
            }
            Optional<String> refusedBefore = RefusedPlan.sameAsLast(model.state(), work.snapshot(), work.plan());
            if (refusedBefore.isPresent()) {
                // Same plan on the same CIB: pacemaker would refuse it again; say so without retrying.
                outcome = new LiveCib.Refused(refusedBefore.get());
                break;
            }
            work.plan().forEach(change -> hook.log().info("CIB: " + change.description()));
            outcome = cib.commit(work.snapshot(), work.plan());
            RefusedPlan.remember(model.state(), work.snapshot(), work.plan(), outcome);
            if (!(outcome instanceof LiveCib.Stale)) {
                break;
            }
            hook.log().info("CIB changed while it was being updated: reading it again");
        }
        reportRemotes(hook, announced, stored, work.remotes());
        work.fencing().problem().ifPresent(hook::report);
        if (model.isLeader()) {
            peers.endpoint().publishApp(work.remotes().records().appData());
            if (outcome == null) {
                return true;
            }
            if (outcome instanceof LiveCib.Committed committed) {
                committed
                        .unforgotten()
                        .forEach(node -> hook.log()
                                .warning("crm_node could not remove departed node " + node
                                        + " (its CIB objects are gone; its node entry lingers)"));
                return true;
            }
            hook.report(
                    outcome instanceof LiveCib.Refused refused
                            ? Status.blocked("CIB update refused by pacemaker, nothing applied: " + refused.reason()
                                    + " (the planned changes are in the log)")
                            : Status.waiting("CIB kept changing while being updated; trying again next hook"));
            // Nothing was applied: the principal is clustered if its own objects already were.
            return CibPlan.firstPending(work.desired(), work.plan()).isEmpty();
        }
        if (!work.plan().isEmpty()) {
            String pending = CibPlan.firstPending(work.desired(), work.plan())
                    .map(id -> "Resource: " + id + " not yet configured")
                    .orElse("Waiting for the leader to configure the cluster");
            hook.report(Status.waiting(pending));
            return false;
        }
        return true;
    }

    private static Status haIncomplete(HaClusterProvider ha, Completeness<HaRequest> request) {
        // The reader's reason starts with the endpoint the status already names.
        String reason = request.reason().orElse("").replaceFirst("^" + HaClusterProvider.ENDPOINT + ": ", "");
        return ha.malformed()
                ? Status.blocked("'ha' data unusable: " + reason)
                : Status.waiting("'ha' incomplete: " + reason);
    }

    private static CibWork plan(
            HookContext hook,
            HaclusterConfig config,
            HaResources principal,
            RemoteNodes announced,
            RemoteRecords stored,
            List<String> members,
            CibSnapshot current) {
        XmlNode live = current.configuration();
        Map<String, String> reserved =
                CibIds.reserved(new CibInputs(principal, List.of(), members, config.maas(), config.cluster()), live);
        RemoteRegistry.Outcome remotes =
                RemoteRegistry.decide(announced, stored, members, reserved, RemoteResources.fromCib(live));
        Fencing fencing = fencing(hook, config, remotes.remotes());
        DesiredCib desired =
                CibXml.desired(new CibInputs(principal, remotes.remotes(), members, fencing.maas(), config.cluster()));
        return new CibWork(current, remotes, fencing, desired, CibPlan.between(desired, live));
    }

    /** Incomplete remotes wait, malformed and refused ones block; each line names the unit and the key. */
    private static void reportRemotes(
            HookContext hook, RemoteNodes announced, RemoteRecords stored, RemoteRegistry.Outcome remotes) {
        if (!remotes.refused().isEmpty()) {
            hook.report(Status.blocked("'pacemaker-remote' refused: " + UnitSelection.joinReasons(remotes.refused())));
        }
        announced.incomplete().forEach((unit, reason) -> {
            String keeping = remotes.records().byUnit().containsKey(unit)
                    ? " (keeping " + remotes.records().byUnit().get(unit).hostname() + " registered)"
                    : "";
            hook.report(
                    announced.malformed().contains(unit)
                            ? Status.blocked("'pacemaker-remote' data unusable: " + reason + keeping)
                            : Status.waiting("'pacemaker-remote' incomplete: " + reason + keeping));
        });
        if (stored.malformed()) {
            if (hook.model().isLeader()) {
                hook.log().warning("hanode application data '" + RemoteRecords.KEY + "' was malformed: rewritten");
            } else {
                hook.report(Status.waiting("hanode application data '" + RemoteRecords.KEY
                        + "' is malformed: waiting for the leader to rewrite it"));
            }
        }
    }

    /** MAAS settings if fencing can and should be set up; says why not otherwise. */
    private static Fencing fencing(HookContext hook, HaclusterConfig config, List<RemoteNode> remotes) {
        long asking = StonithDevice.fenced(remotes).size();
        if (asking == 0) {
            return new Fencing(config.maas(), Optional.empty());
        }
        if (config.maas().isEmpty()) {
            return new Fencing(
                    Optional.empty(),
                    Optional.of(Status.blocked("enable-stonith requested by " + asking
                            + " remote node(s) but maas_url and maas_credentials are not set: STONITH disabled")));
        }
        if (!FenceAgent.ensure(hook.host(), hook.juju().charmDir())) {
            return new Fencing(Optional.empty(), Optional.of(Status.blocked(FenceAgent.MISSING)));
        }
        return new Fencing(config.maas(), Optional.empty());
    }

    private Optional<CibSnapshot> awaitCib(LiveCib cib, int attempts) {
        for (int attempt = 1; ; attempt++) {
            Optional<CibSnapshot> current = cib.snapshot();
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

    /** This unit's peer announcement and, on every ha relation, whether it is clustered. */
    private static void announce(ClusterPeers peers, HaClusterProvider ha, boolean memberReady, boolean clustered) {
        peers.announce(memberReady);
        ha.publish(clustered);
    }

    /** Corosync's cluster_name from the application name (letters, digits, '-' and '_'). */
    static String clusterName(String appName) {
        String name = appName.replaceAll("[^A-Za-z0-9_-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
