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
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Status;
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

    public static void main(String[] args) {
        CharmRunner.main(new MasakariCharm(), args);
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.progress("Installing packages"); // shown while apt runs, not the final status
        MasakariPackages.ensure(hook, MasakariConfig.from(hook.model().config()));
    }

    @Override
    public void onUpgrade(HookContext hook) {
        MasakariPackages.forget(hook);
    }

    @Override
    public void reconcile(HookContext hook) {
        Model model = hook.model();
        Host host = hook.host();
        MasakariConfig config = MasakariConfig.from(model.config());
        MasakariPackages.ensure(hook, config);
        ApiServer api = ApiServer.detect(host);
        MasakariServices services = new MasakariServices(api);

        // What we ask of each peer, published as soon as the relation exists.
        SharedDbRequirer sharedDb = new SharedDbRequirer(model.unitName(),
                new DatabaseRequest(SERVICE, SERVICE, model.unitAddress("shared-db")));
        AmqpRequirer amqp = new AmqpRequirer(new AmqpRequest(SERVICE, SERVICE));
        HaClusterRequirer ha = new HaClusterRequirer(HaResourcesFactory.forConfig(config),
                Optional.of(config.vipIface()), HaClusterRequirer.DEFAULT_MCAST_PORT);
        boolean clustered = ha.clustered(model.relations("ha"));
        Optional<TlsMaterial> tls = tls(hook, api, config);
        EndpointUrls urls = EndpointUrls.of(model, config, clustered, tls.isPresent());
        IdentityServiceRequirer identity = new IdentityServiceRequirer(new IdentityServiceRequest(SERVICE,
                config.region(), urls.publicUrl(), urls.internalUrl(), urls.adminUrl()));
        publish(model, "shared-db", sharedDb.unitData());
        publish(model, "amqp", amqp.unitData());
        publish(model, "identity-service", identity.unitData());
        publish(model, "ha", ha.unitData());
        publish(model, "certificates", certificates(model, config).unitData());

        if (isPaused(hook)) {
            services.stopAll(host);
            hook.report(Status.maintenance("Paused. Use 'resume' action to resume normal service."));
            return;
        }

        Completeness<DatabaseAccess> db = sharedDb.read(model.relations("shared-db"));
        Completeness<AmqpConnection> broker = amqp.read(model.relations("amqp"));
        Completeness<IdentityServiceData> keystone = identity.read(model.relations("identity-service"));
        if (!RequiredRelations.report(hook, requiredInUpstreamOrder(db, broker, keystone), RequiredRelations.Detail.NAMES_WITH_REASON)) {
            return;
        }
        hook.log().secret(db.value().orElseThrow().password());
        hook.log().secret(broker.value().orElseThrow().password());
        hook.log().secret(keystone.value().orElseThrow().servicePassword());

        MasakariConfFile.Inputs inputs = new MasakariConfFile.Inputs(config, db.value().orElseThrow(),
                broker.value().orElseThrow(), keystone.value().orElseThrow(), TaskflowSupport.available(host));
        boolean changed = MasakariFiles.apply(host, inputs);
        changed |= api.configure(host, tls, workers(config));
        DatabaseMigration.ensure(hook, db.value().orElseThrow(), changed);
        services.ensureRunning(host, changed);
        hook.apply(new dev.instanceha.ops.resource.DesiredState().ports(ApiServer.PORT + "/tcp"));
        WorkloadVersion.publish(hook, "masakari-api");
        List<String> down = services.notRunning(host);
        if (!down.isEmpty()) {
            hook.report(Status.blocked("Services not running that should be: " + String.join(", ", down)));
        }
        if (!config.vips().isEmpty() && model.relations("ha").isEmpty()) {
            hook.report(Status.blocked("'ha' missing: vip is set but no hacluster is related"));
        }
        ha.malformed(model.relations("ha")).ifPresent(p -> hook.report(Status.waiting("'ha' data unusable: " + p)));
    }

    @Override
    public void onRemove(HookContext hook) {
        new MasakariServices(ApiServer.detect(hook.host())).stopAll(hook.host());
        // The daemons are down now: "Unit is ready" would be a lie for the rest of the unit's life.
        hook.report(Status.maintenance(STOPPED_MESSAGE));
    }

    @Override
    public Map<String, Action> actions() {
        return MasakariActions.all();
    }

    static boolean isPaused(HookContext hook) {
        return hook.model().state().get(PAUSED_KEY).filter("true"::equals).isPresent();
    }

    private static void publish(Model model, String endpoint, Map<String, String> data) {
        for (RelationView relation : model.relations(endpoint)) {
            model.publishUnit(relation, data);
        }
    }

    private static CertificatesRequirer certificates(Model model, MasakariConfig config) {
        List<String> names = EndpointUrls.certificateNames(model, config);
        return new CertificatesRequirer(model.unitName(), List.of(new CertificateRequest(names.get(0), names)));
    }

    /**
     * Config's ssl_cert/ssl_key win over the certificates relation, as upstream. While the relation's
     * answer is missing or unusable the API keeps the certificate it serves with (never falls back to
     * plain http on a peer's bad data) and the status says which key is wrong.
     */
    private static Optional<TlsMaterial> tls(HookContext hook, ApiServer api, MasakariConfig config) {
        Model model = hook.model();
        Optional<TlsMaterial> inUse = api.installedTls(hook.host());
        // What the API serves was checked when it was installed: parsing and pairing it again in every
        // hook would cost a cold JVM a few hundred milliseconds.
        java.util.function.BiPredicate<String, String> served = (cert, key) -> inUse.isPresent()
                && inUse.get().keyPem().equals(key) && inUse.get().certPem().startsWith(cert.strip() + "\n");
        if (config.manualTls().isPresent()) {
            MasakariConfig.ManualTls manual = config.manualTls().get();
            if (!served.test(manual.certPem(), manual.keyPem())) {
                manual.checkPair();
            }
            return Optional.of(new TlsMaterial(manual.certPem(), manual.keyPem(), Optional.empty(), manual.caPem()));
        }
        List<? extends RelationView> relations = model.relations(CertificatesRequirer.ENDPOINT);
        if (relations.isEmpty()) {
            return Optional.empty();
        }
        CertificatesRequirer requirer = certificates(model, config);
        Completeness<CertificateBundle> bundle = requirer.read(relations, served);
        Optional<TlsMaterial> issued = bundle.value().flatMap(b -> b.certificates().values().stream().findFirst()
                .map((IssuedCertificate cert) -> new TlsMaterial(cert.certPem(), cert.keyPem(), b.chainPem(),
                        Optional.of(b.caPem()))));
        if (issued.isPresent()) {
            return issued;
        }
        String reason = bundle.reason().orElse("").replaceFirst("^" + CertificatesRequirer.ENDPOINT + ": ", "");
        if (requirer.answered(relations)) {
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
        return config.workerMultiplier().map(m -> Math.max(1, (int) Math.round(m * cpus)))
                .orElse(Math.min(4, 2 * cpus));
    }

    /** The mandatory relations in the order upstream lists them in its status. */
    private static Map<String, Completeness<?>> requiredInUpstreamOrder(Completeness<?> db, Completeness<?> broker,
                                                                      Completeness<?> keystone) {
        Map<String, Completeness<?>> ordered = new java.util.LinkedHashMap<>();
        ordered.put("shared-db", db);
        ordered.put("amqp", broker);
        ordered.put("identity-service", keystone);
        return ordered;
    }
}
