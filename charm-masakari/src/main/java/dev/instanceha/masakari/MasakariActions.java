package dev.instanceha.masakari;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.interfaces.identity.IdentityServiceData;
import dev.instanceha.interfaces.identity.IdentityServiceRequirer;
import dev.instanceha.masakari.api.MasakariApi;
import dev.instanceha.ops.charm.Action;
import dev.instanceha.ops.charm.ActionContext;
import dev.instanceha.ops.charm.ActionFailedException;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.client.ApiException;
import dev.instanceha.ops.client.KeystoneClient;
import dev.instanceha.ops.client.KeystoneCredentials;
import dev.instanceha.ops.client.KeystoneToken;
import dev.instanceha.ops.client.Tls;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/** The charm's actions: service control, upgrades, and segment/host management through the API. */
final class MasakariActions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MasakariActions() {}

    static Map<String, Action> all() {
        return Map.of(
                "pause", MasakariActions::pause,
                "resume", MasakariActions::resume,
                "restart-services", MasakariActions::restartServices,
                "openstack-upgrade", MasakariActions::openstackUpgrade,
                "create-segment", MasakariActions::createSegment,
                "list-segments", MasakariActions::listSegments,
                "add-host", MasakariActions::addHost,
                "remove-host", MasakariActions::removeHost,
                "list-notifications", MasakariActions::listNotifications,
                "reset-host-maintenance", MasakariActions::resetHostMaintenance);
    }

    static void pause(ActionContext action) {
        HookContext hook = action.hook();
        hook.model().state().put(MasakariCharm.PAUSED_KEY, "true");
        action.requestReconcile(); // a paused unit's reconcile stops the daemons and says so
        action.result("outcome", "paused");
    }

    static void resume(ActionContext action) {
        HookContext hook = action.hook();
        hook.model().state().remove(MasakariCharm.PAUSED_KEY);
        action.requestReconcile();
        action.result("outcome", "resumed");
    }

    static void restartServices(ActionContext action) {
        HookContext hook = action.hook();
        if (MasakariCharm.isPaused(hook)) {
            throw new ActionFailedException("the unit is paused; run 'resume' instead");
        }
        List<String> daemons = ApiServer.detect(hook.host()).daemons();
        daemons.forEach(hook.host().services()::restart);
        action.result("restarted", String.join(" ", daemons));
    }

    static void openstackUpgrade(ActionContext action) {
        HookContext hook = action.hook();
        MasakariConfig config = hook.model().config().as(MasakariConfig.class);
        if (!config.actionManagedUpgrade()) {
            throw new ActionFailedException(
                    "action-managed-upgrade is false: upgrades follow openstack-origin by " + "themselves");
        }
        action.progress("applying openstack-origin " + config.origin().value());
        PackageSources.apply(hook.host(), config.origin());
        MasakariPackages.upgrade(hook.host());
        hook.model()
                .state()
                .put(MasakariPackages.set(config).stateKey(), config.origin().value());
        hook.model().state().remove(DatabaseMigration.SYNCED_KEY);
        action.progress("migrating the database and restarting");
        action.requestReconcile();
        action.result("outcome", "upgraded to " + config.origin().value());
    }

    static void createSegment(ActionContext action) {
        ActionParameters.CreateSegment p = action.params(ActionParameters.CreateSegment.class);
        MasakariApi api = api(action.hook());
        MasakariApi.Segment segment =
                call(() -> api.createSegment(p.name(), p.recoveryMethod(), p.serviceType(), p.description()));
        action.result("segment.uuid", segment.uuid());
        action.result("segment.name", segment.name());
        action.result("segment.recovery-method", segment.recoveryMethod());
    }

    static void listSegments(ActionContext action) {
        List<MasakariApi.Segment> segments = call(() -> api(action.hook()).segments());
        action.result("count", segments.size());
        action.result("segments", json(segments));
    }

    static void addHost(ActionContext action) {
        ActionParameters.AddHost p = action.params(ActionParameters.AddHost.class);
        MasakariApi api = api(action.hook());
        MasakariApi.Host host = call(() -> {
            MasakariApi.Segment segment = api.segment(p.segment());
            return api.addHost(
                    segment.uuid(), p.host(), p.type(), p.controlAttributes(), p.reserved(), p.onMaintenance());
        });
        action.result("host.uuid", host.uuid());
        action.result("host.name", host.name());
        action.result("host.reserved", host.reserved());
        action.result("host.on-maintenance", host.onMaintenance());
    }

    static void removeHost(ActionContext action) {
        ActionParameters.SegmentHost p = action.params(ActionParameters.SegmentHost.class);
        MasakariApi api = api(action.hook());
        call(() -> {
            MasakariApi.Segment segment = api.segment(p.segment());
            api.removeHost(segment.uuid(), api.host(segment.uuid(), p.host()).uuid());
            return null;
        });
        action.result("removed", p.host());
    }

    static void listNotifications(ActionContext action) {
        int limit = action.params(ActionParameters.ListNotifications.class).limit();
        List<MasakariApi.Notification> notifications =
                call(() -> api(action.hook()).notifications(limit));
        action.result("count", notifications.size());
        action.result("notifications", json(notifications));
    }

    static void resetHostMaintenance(ActionContext action) {
        ActionParameters.SegmentHost p = action.params(ActionParameters.SegmentHost.class);
        MasakariApi api = api(action.hook());
        MasakariApi.Host host = call(() -> {
            MasakariApi.Segment segment = api.segment(p.segment());
            return api.setMaintenance(
                    segment.uuid(), api.host(segment.uuid(), p.host()).uuid(), false);
        });
        action.result("host.name", host.name());
        action.result("host.on-maintenance", host.onMaintenance());
    }

    /** A session with the service account keystone gave masakari on identity-service. */
    static MasakariApi api(HookContext hook) {
        MasakariConfig config = hook.model().config().as(MasakariConfig.class);
        IdentityServiceData keystone = new IdentityServiceRequirer(hook.endpoint(IdentityServiceRequirer.ENDPOINT))
                .read()
                .value()
                .orElseThrow(() -> new ActionFailedException(
                        "identity-service is not ready: relate masakari to keystone and wait for it"));
        HttpClient http;
        try {
            http = MasakariApi.httpClient(keystone.caCertPem());
        } catch (Tls.TlsException e) {
            throw new ActionFailedException("the CA certificate from the relation cannot be used: " + e.getMessage());
        }
        KeystoneCredentials.Ref domain =
                KeystoneCredentials.Ref.domainNamed(keystone.serviceDomain().orElse("default"));
        KeystoneToken session = call(() -> new KeystoneClient(http, java.time.Duration.ofSeconds(30))
                .login(new KeystoneCredentials(
                        keystone.authUrl(),
                        KeystoneCredentials.Ref.byName(keystone.serviceUsername(), domain),
                        keystone.servicePassword().reveal(),
                        KeystoneCredentials.Ref.byName(keystone.serviceTenant(), domain))));
        String interfaceName = config.useInternalEndpoints() ? "internal" : "public";
        String endpoint = session.endpoint("instance-ha", interfaceName, config.region())
                .map(Object::toString)
                .orElseThrow(() -> new ActionFailedException("Keystone's catalog has no " + interfaceName
                        + " instance-ha endpoint in " + config.region() + " yet"));
        return new MasakariApi(http, endpoint, session.header());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException | MasakariApi.NotFoundException e) {
            throw new ActionFailedException(e.getMessage());
        }
    }
}
