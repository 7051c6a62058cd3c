package dev.instanceha.monitors;

import dev.instanceha.ops.charm.WorkloadVersion;
import dev.instanceha.interfaces.RequiredRelations;
import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.identity.IdentityCredentials;
import dev.instanceha.interfaces.identity.IdentityCredentialsRequest;
import dev.instanceha.interfaces.identity.IdentityCredentialsRequirer;
import dev.instanceha.interfaces.jujuinfo.JujuInfoRequirer;
import dev.instanceha.interfaces.jujuinfo.Principal;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Model;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The masakari-monitors charm: a subordinate on nova-compute that runs the enabled Masakari
 * monitors with credentials keystone gives it on {@code identity-credentials}.
 */
public final class MasakariMonitorsCharm implements Charm {
    static final String CONTAINER = "container";
    static final String IDENTITY = IdentityCredentialsRequirer.ENDPOINT;
    /** The keystone user and project upstream asks for (anchor-charms.md §7.5). */
    public static final IdentityCredentialsRequest CREDENTIALS =
            new IdentityCredentialsRequest("masakari-monitors", "services");
    static final String SERVICES_FOUND_KEY = "services-found";
    static final String STOPPED_MESSAGE = "Monitors stopped: the unit is being removed";

    private final String javaHome;

    public MasakariMonitorsCharm() {
        this(System.getProperty("java.home"));
    }

    /** @param javaHome the Java the shipped host monitor runs on */
    MasakariMonitorsCharm(String javaHome) {
        this.javaHome = javaHome;
    }

    public static void main(String[] args) {
        CharmRunner.main(new MasakariMonitorsCharm(), args);
    }

    @Override
    public void onInstall(HookContext hook) {
        hook.progress("Installing packages"); // shown while apt runs
    }

    @Override
    public void onUpgrade(HookContext hook) {
        MonitorPackages.forget(hook);
    }

    @Override
    public void reconcile(HookContext hook) {
        Model model = hook.model();
        Host host = hook.host();
        MonitorsConfig config = MonitorsConfig.from(model.config());
        IdentityCredentialsRequirer identity = new IdentityCredentialsRequirer(CREDENTIALS);
        for (RelationView relation : model.relations(IDENTITY)) {
            model.publishUnit(relation, identity.unitData());
        }
        if (!MonitorPackages.ensure(hook, config.monitors())) {
            return;
        }
        stopDisabled(hook, config);

        Completeness<Principal> principal = new JujuInfoRequirer(CONTAINER).read(model.relations(CONTAINER));
        Completeness<IdentityCredentials> credentials = identity.read(model.relations(IDENTITY));
        credentials.value().ifPresent(c -> hook.log().secret(c.password()));
        Map<String, Completeness<?>> relations = new LinkedHashMap<>();
        relations.put(CONTAINER, principal);
        relations.put(IDENTITY, credentials);
        if (!RequiredRelations.report(hook, relations, RequiredRelations.Detail.NAMES_WITH_REASON)) {
            return; // without credentials a monitor cannot report anything: keep what runs as it is
        }

        String hostname = config.hostname().or(() -> MachineHostname.fqdn(host)).orElseThrow(() ->
                new StatusException(Status.blocked("Cannot find this machine's FQDN (hostname --fqdn failed): "
                        + "set hostname")));
        String group = ServiceGroup.detect(host).orElseThrow(() -> new StatusException(Status.blocked(
                ServiceGroup.NOT_FOUND)));
        boolean javaChanged = config.runs(Monitor.HOST_JAVA)
                && JavaHostMonitor.install(host, hook.juju().charmDir(), javaHome);
        List<MonitorService> services = detect(hook, config);

        MonitorsConfFile.Inputs inputs = new MonitorsConfFile.Inputs(config, credentials.value().orElseThrow(), hostname);
        MonitorFiles.Changes changes = MonitorFiles.write(host, inputs, group, services);
        if (changes.config()) {
            hook.log().info(MonitorsConfFile.PATH + " changed: restarting the monitors");
        }
        List<String> down = new ArrayList<>();
        for (MonitorService service : services) {
            boolean restart = changes.restart(service) || (service.monitor() == Monitor.HOST_JAVA && javaChanged);
            service.ensureRunning(host, restart).ifPresent(hook::report);
            if (!host.services().isRunning(service.name())) {
                down.add(service.name());
            }
        }
        if (!down.isEmpty()) {
            hook.report(Status.blocked("Services not running that should be: " + String.join(", ", down)));
        }
        WorkloadVersion.publish(hook, MonitorPackages.COMMON);
    }

    /** The services of the enabled monitors; blocked when a package provides none. */
    private static List<MonitorService> detect(HookContext hook, MonitorsConfig config) {
        List<MonitorService> services = new ArrayList<>();
        for (Monitor monitor : config.monitors()) {
            services.add(MonitorService.detect(hook.host(), monitor).orElseThrow(() ->
                    new StatusException(Status.blocked(MonitorService.notFound(monitor)))));
        }
        String found = String.join(" ", services.stream().map(MonitorService::name).toList());
        if (hook.model().state().get(SERVICES_FOUND_KEY).filter(found::equals).isEmpty()) {
            hook.log().info("monitor services found (" + hook.host().services().manager() + "): " + found);
            hook.model().state().put(SERVICES_FOUND_KEY, found);
        }
        return services;
    }

    /** Monitors switched off (or replaced: upstream ↔ java host monitor) stop and stay off. */
    private static void stopDisabled(HookContext hook, MonitorsConfig config) {
        Host host = hook.host();
        for (Monitor monitor : EnumSet.complementOf(EnumSet.copyOf(config.monitors()))) {
            if (monitor == Monitor.HOST_JAVA) {
                if (JavaHostMonitor.uninstall(host)) {
                    hook.log().info("removed " + JavaHostMonitor.SERVICE);
                }
            } else {
                Optional<MonitorService> service = MonitorService.detect(host, monitor);
                if (service.isPresent() && service.get().stop(host)) {
                    hook.log().info("stopped " + service.get().name() + ": " + monitor.label() + " is not enabled");
                }
            }
        }
    }

    @Override
    public void onRemove(HookContext hook) {
        for (Monitor monitor : Monitor.values()) {
            MonitorService.detect(hook.host(), monitor).ifPresent(service -> service.stop(hook.host()));
        }
        JavaHostMonitor.uninstall(hook.host());
        // The monitors are down now: "Unit is ready" would be a lie for the rest of the unit's life.
        hook.report(Status.maintenance(STOPPED_MESSAGE));
    }
}
