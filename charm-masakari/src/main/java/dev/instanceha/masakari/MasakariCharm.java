package dev.instanceha.masakari;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.RequiredRelations;
import dev.instanceha.interfaces.amqp.AmqpConnection;
import dev.instanceha.interfaces.amqp.AmqpRequest;
import dev.instanceha.interfaces.amqp.AmqpRequirer;
import dev.instanceha.interfaces.db.DatabaseAccess;
import dev.instanceha.interfaces.db.DatabaseRequest;
import dev.instanceha.interfaces.db.SharedDbRequirer;
import dev.instanceha.interfaces.hacluster.HaClusterRequirer;
import dev.instanceha.interfaces.identity.IdentityServiceData;
import dev.instanceha.interfaces.identity.IdentityServiceRequest;
import dev.instanceha.interfaces.identity.IdentityServiceRequirer;
import dev.instanceha.interfaces.tls.CertificateBundle;
import dev.instanceha.interfaces.tls.CertificateRequest;
import dev.instanceha.interfaces.tls.CertificatesRequirer;
import dev.instanceha.interfaces.tls.IssuedCertificate;
import dev.instanceha.ops.charm.Action;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.WorkloadVersion;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.resource.Applied;
import dev.instanceha.ops.resource.Daemon;
import dev.instanceha.ops.resource.DesiredState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The masakari charm: Masakari API and engine, configured from shared-db, amqp and
 * identity-service, optionally TLS (certificates or config) and highly available (ha).
 */
public final class MasakariCharm implements Charm {
    public static final String SERVICE = "masakari";
    static final String PAUSED_KEY = "paused";
    static final String STOPPED_MESSAGE = "Services stopped: the unit is being removed";
    static final DatabaseRequest DATABASE = new DatabaseRequest(SERVICE, SERVICE);
    static final AmqpRequest BROKER = new AmqpRequest(SERVICE, SERVICE);

    public static void main(String[] args) {
        CharmRunner.main(new MasakariCharm(), args);
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.progress("Installing packages");
        MasakariPackages.ensure(hook, hook.model().config().as(MasakariConfig.class));
    }

    @Override
    public void reconcile(HookContext hook) {
        MasakariConfig config = hook.model().config().as(MasakariConfig.class);
        MasakariPackages.ensure(hook, config);
        ApiServer api = ApiServer.detect(hook.host());

        // What we ask of each peer, published as soon as the relation exists.
        SharedDbRequirer sharedDb = new SharedDbRequirer(hook.endpoint(SharedDbRequirer.ENDPOINT));
        AmqpRequirer amqp = new AmqpRequirer(hook.endpoint(AmqpRequirer.ENDPOINT));
        IdentityServiceRequirer identity = new IdentityServiceRequirer(hook.endpoint(IdentityServiceRequirer.ENDPOINT));
        HaClusterRequirer ha = new HaClusterRequirer(hook.endpoint(HaClusterRequirer.ENDPOINT));
        CertificatesRequirer certificates = new CertificatesRequirer(hook.endpoint(CertificatesRequirer.ENDPOINT));
        Optional<TlsMaterial> tls = tls(hook, api, config, certificates);
        EndpointUrls urls = EndpointUrls.of(hook.model(), config, ha.clustered(), tls.isPresent());
        sharedDb.request(DATABASE);
        amqp.request(BROKER);
        identity.request(new IdentityServiceRequest(
                SERVICE, config.region(), urls.publicUrl(), urls.internalUrl(), urls.adminUrl()));
        ha.request(
                HaResourcesFactory.forConfig(config),
                Optional.of(config.vipIface()),
                HaClusterRequirer.DEFAULT_MCAST_PORT);
        certificates.request(certificateRequests(hook.model(), config));

        if (isPaused(hook)) {
            hook.apply(stopped(api));
            hook.report(Status.maintenance("Paused. Use 'resume' action to resume normal service."));
            return;
        }
        Completeness<DatabaseAccess> db = sharedDb.read(DATABASE);
        Completeness<AmqpConnection> broker = amqp.read(BROKER);
        Completeness<IdentityServiceData> keystone = identity.read();
        if (!RequiredRelations.report(
                hook, requiredInUpstreamOrder(db, broker, keystone), RequiredRelations.Detail.NAMES_WITH_REASON)) {
            return;
        }

        // Files first, then the schema (masakari-manage reads the written config), then the daemons.
        DesiredState files = new DesiredState();
        MasakariFiles.declare(
                files,
                new MasakariConfFile.Inputs(
                        config,
                        db.value().orElseThrow(),
                        broker.value().orElseThrow(),
                        keystone.value().orElseThrow(),
                        TaskflowSupport.available(hook.host())));
        api.declare(files, tls, workers(config));
        boolean changed = hook.apply(files).anyChanged() | api.enable(hook.host(), tls);
        DatabaseMigration.ensure(hook, db.value().orElseThrow(), changed);
        Applied running = hook.apply(running(api, changed).ports(ApiServer.PORT + "/tcp"));
        WorkloadVersion.publish(hook, "masakari-api");

        if (!running.allRunning()) {
            hook.report(
                    Status.blocked("Services not running that should be: " + String.join(", ", running.notRunning())));
        }
        if (!config.vips().isEmpty() && !ha.isRelated()) {
            hook.report(Status.blocked("'ha' missing: vip is set but no hacluster is related"));
        }
        ha.malformed().ifPresent(p -> hook.report(Status.waiting("'ha' data unusable: " + p)));
    }

    @Override
    public void onRemove(HookContext hook) {
        hook.apply(stopped(ApiServer.detect(hook.host())));
        // The daemons are down now: "Unit is ready" would be a lie for the rest of the unit's life.
        hook.report(Status.maintenance(STOPPED_MESSAGE));
    }

    /** The API and the engine running, restarted when what they read changed. */
    static DesiredState running(ApiServer api, boolean restart) {
        DesiredState desired = new DesiredState();
        api.daemons()
                .forEach(name -> desired.daemon(Daemon.runningOnAllFiles(name).restartIf(restart)));
        return desired;
    }

    /** Both stopped and disabled, so they stay down after a reboot. */
    static DesiredState stopped(ApiServer api) {
        DesiredState desired = new DesiredState();
        api.daemons().forEach(name -> desired.daemon(Daemon.stopped(name)));
        return desired;
    }

    @Override
    public Map<String, Action> actions() {
        return MasakariActions.all();
    }

    static boolean isPaused(HookContext hook) {
        return hook.model().state().get(PAUSED_KEY).filter("true"::equals).isPresent();
    }

    private static List<CertificateRequest> certificateRequests(Model model, MasakariConfig config) {
        List<String> names = EndpointUrls.certificateNames(model, config);
        return List.of(new CertificateRequest(names.get(0), names));
    }

    /**
     * Config's ssl_cert/ssl_key win over the certificates relation, as upstream. While the relation's
     * answer is missing or unusable the API keeps the certificate it serves with (never falls back to
     * plain http on a peer's bad data) and the status says which key is wrong.
     */
    private static Optional<TlsMaterial> tls(
            HookContext hook, ApiServer api, MasakariConfig config, CertificatesRequirer requirer) {
        Model model = hook.model();
        Optional<TlsMaterial> inUse = api.installedTls(hook.host());
        // What the API serves was checked when it was installed: parsing and pairing it again in every
        // hook would cost a cold JVM a few hundred milliseconds.
        java.util.function.BiPredicate<String, String> served = (cert, key) -> inUse.isPresent()
                && inUse.get().keyPem().reveal().equals(key)
                && inUse.get().certPem().startsWith(cert.strip() + "\n");
        if (config.manualTls().isPresent()) {
            MasakariConfig.ManualTls manual = config.manualTls().get();
            if (!served.test(manual.certPem(), manual.keyPem().reveal())) {
                manual.checkPair();
            }
            return Optional.of(new TlsMaterial(manual.certPem(), manual.keyPem(), Optional.empty(), manual.caPem()));
        }
        if (!requirer.isRelated()) {
            return Optional.empty();
        }
        Completeness<CertificateBundle> bundle = requirer.read(certificateRequests(model, config), served);
        Optional<TlsMaterial> issued = bundle.value()
                .flatMap(b -> b.certificates().values().stream()
                        .findFirst()
                        .map((IssuedCertificate cert) ->
                                new TlsMaterial(cert.certPem(), cert.keyPem(), b.chainPem(), Optional.of(b.caPem()))));
        if (issued.isPresent()) {
            return issued;
        }
        String reason = bundle.reason().orElse("").replaceFirst("^" + CertificatesRequirer.ENDPOINT + ": ", "");
        if (requirer.answered()) {
            hook.report(Status.blocked("'certificates' data unusable (" + reason + ")"
                    + (inUse.isPresent() ? ": keeping the certificate in use" : "")));
        } else {
            hook.report(Status.waiting("'certificates' awaiting server certificate data"));
        }
        return inUse;
    }

    /** API worker processes: worker-multiplier × CPUs, or 2 × CPUs capped at 4 (upstream's default). */
    static int workers(MasakariConfig config) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return config.workerMultiplier()
                .map(m -> Math.max(1, (int) Math.round(m * cpus)))
                .orElse(Math.min(4, 2 * cpus));
    }

    /** The mandatory relations in the order upstream lists them in its status. */
    private static Map<String, Completeness<?>> requiredInUpstreamOrder(
            Completeness<?> db, Completeness<?> broker, Completeness<?> keystone) {
        Map<String, Completeness<?>> ordered = new java.util.LinkedHashMap<>();
        ordered.put("shared-db", db);
        ordered.put("amqp", broker);
        ordered.put("identity-service", keystone);
        return ordered;
    }
}
