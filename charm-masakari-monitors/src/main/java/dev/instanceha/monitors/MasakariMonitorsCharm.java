package dev.instanceha.monitors;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.MachineHostname;
import dev.instanceha.interfaces.RequiredRelations;
import dev.instanceha.interfaces.identity.IdentityCredentials;
import dev.instanceha.interfaces.identity.IdentityCredentialsRequest;
import dev.instanceha.interfaces.identity.IdentityCredentialsRequirer;
import dev.instanceha.interfaces.jujuinfo.JujuInfoRequirer;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.CharmRunner;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.charm.WorkloadVersion;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.resource.Applied;
import dev.instanceha.ops.resource.Daemon;
import dev.instanceha.ops.resource.DesiredState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The masakari-monitors charm: a subordinate on nova-compute that runs the enabled Masakari
 * monitors with credentials keystone gives it on {@code identity-credentials}.
 */
public final class MasakariMonitorsCharm implements Charm {
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
    public void reconcile(HookContext hook) {
        Host host = hook.host();
        MonitorsConfig config = hook.model().config().as(MonitorsConfig.class);
        IdentityCredentialsRequirer identity =
                new IdentityCredentialsRequirer(hook.endpoint(IdentityCredentialsRequirer.ENDPOINT));
        identity.publish(CREDENTIALS);
        if (!hook.ensurePackages(MonitorPackages.of(config.monitors()))) {
            return;
        }
        // Monitors switched off (or replaced: upstream ↔ java host monitor) stop and stay off.
        logRemoved(hook, hook.apply(stopped(host, EnumSet.complementOf(EnumSet.copyOf(config.monitors())))));

        Map<String, Completeness<?>> relations = new LinkedHashMap<>();
        relations.put(
                JujuInfoRequirer.CONTAINER_ENDPOINT,
                new JujuInfoRequirer(hook.endpoint(JujuInfoRequirer.CONTAINER_ENDPOINT)).read());
        Completeness<IdentityCredentials> credentials = identity.read();
        relations.put(IdentityCredentialsRequirer.ENDPOINT, credentials);
        if (!RequiredRelations.report(hook, relations, RequiredRelations.Detail.NAMES_WITH_REASON)) {
            return; // without credentials a monitor cannot report anything: keep what runs as it is
        }

        String hostname = config.hostname()
                .or(() -> MachineHostname.fqdn(host))
                .orElseThrow(() -> new StatusException(
                        Status.blocked("Cannot find this machine's FQDN (hostname --fqdn failed): " + "set hostname")));
        String group = ServiceGroup.detect(host)
                .orElseThrow(() -> new StatusException(Status.blocked(ServiceGroup.NOT_FOUND)));
        DesiredState desired = new DesiredState();
        if (config.runs(Monitor.HOST_JAVA)) {
            JavaHostMonitor.declare(desired, host, hook.juju().charmDir(), javaHome);
        }
        MonitorFiles.declare(
                desired,
                host,
                new MonitorsConfFile.Inputs(config, credentials.value().orElseThrow(), hostname),
                group,
                detect(hook, config));
        Applied applied = hook.apply(desired);
        if (applied.changed().contains(MonitorsConfFile.PATH)) {
            hook.log().info(MonitorsConfFile.PATH + " changed: restarting the monitors");
        }
        applied.daemonProblems().forEach(hook::report);
        if (!applied.allRunning()) {
            hook.report(
                    Status.blocked("Services not running that should be: " + String.join(", ", applied.notRunning())));
        }
        WorkloadVersion.publish(hook, MonitorPackages.COMMON);
    }

    /** The services of the enabled monitors; blocked when a package provides none. */
    private static List<MonitorService> detect(HookContext hook, MonitorsConfig config) {
        List<MonitorService> services = new ArrayList<>();
        for (Monitor monitor : config.monitors()) {
            services.add(MonitorService.detect(hook.host(), monitor)
                    .orElseThrow(() -> new StatusException(Status.blocked(MonitorService.notFound(monitor)))));
        }
        String found =
                String.join(" ", services.stream().map(MonitorService::name).toList());
        if (hook.model().state().get(SERVICES_FOUND_KEY).filter(found::equals).isEmpty()) {
            hook.log().info("monitor services found (" + hook.host().services().manager() + "): " + found);
            hook.model().state().put(SERVICES_FOUND_KEY, found);
        }
        return services;
    }

    /** These monitors stopped, the java host monitor's files removed with it. */
    private static DesiredState stopped(Host host, Set<Monitor> monitors) {
        DesiredState off = new DesiredState();
        for (Monitor monitor : monitors) {
            if (monitor == Monitor.HOST_JAVA) {
                JavaHostMonitor.declareRemoved(off);
            } else {
                MonitorService.detect(host, monitor).ifPresent(service -> off.daemon(Daemon.stopped(service.name())));
            }
        }
        return off;
    }

    private static void logRemoved(HookContext hook, Applied applied) {
        if (applied.changed().contains(JavaHostMonitor.UNIT)) {
            hook.log().info("removed " + JavaHostMonitor.SERVICE);
        }
    }

    @Override
    public void onRemove(HookContext hook) {
        logRemoved(hook, hook.apply(stopped(hook.host(), EnumSet.allOf(Monitor.class))));
        // The monitors are down now: "Unit is ready" would be a lie for the rest of the unit's life.
        hook.report(Status.maintenance(STOPPED_MESSAGE));
    }
}
