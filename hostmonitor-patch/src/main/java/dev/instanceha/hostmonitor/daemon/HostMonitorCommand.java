package dev.instanceha.hostmonitor.daemon;

import dev.instanceha.hostmonitor.cluster.ClusterSource;
import dev.instanceha.hostmonitor.cluster.CommandClusterSource;
import dev.instanceha.hostmonitor.cluster.CrmMonXmlParser;
import dev.instanceha.hostmonitor.cluster.FileClusterSource;
import dev.instanceha.hostmonitor.config.ConfigException;
import dev.instanceha.hostmonitor.config.ConfigLoader;
import dev.instanceha.hostmonitor.config.DaemonSettings;
import dev.instanceha.hostmonitor.config.IniDocument;
import dev.instanceha.hostmonitor.config.IniParser;
import dev.instanceha.hostmonitor.config.MonitorConfig;
import dev.instanceha.hostmonitor.notify.Delivery;
import dev.instanceha.hostmonitor.notify.MasakariClient;
import dev.instanceha.hostmonitor.notify.NotificationJson;
import dev.instanceha.hostmonitor.notify.OpenStackAccess;
import dev.instanceha.hostmonitor.notify.Outbox;
import dev.instanceha.hostmonitor.notify.OutboxDispatcher;
import dev.instanceha.hostmonitor.notify.RetryingDelivery;
import dev.instanceha.hostmonitor.state.HostTracker;
import dev.instanceha.hostmonitor.state.TrackerPolicy;
import dev.instanceha.ops.client.CachedToken;
import dev.instanceha.ops.client.KeystoneClient;
import dev.instanceha.ops.client.Retry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** masakari-hostmonitor-java: wires config, cluster source, state machine, outbox and API client. */
@Command(
        name = "masakari-hostmonitor-java",
        mixinStandardHelpOptions = true,
        version = "masakari-hostmonitor-java 0.1.0",
        description =
                "Pacemaker-remote-aware Masakari host monitor: notifies COMPUTE_HOST STOPPED after the cluster fenced a host.")
public final class HostMonitorCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(HostMonitorCommand.class.getName());

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            description = "masakarimonitors.conf; repeatable, later files win (default: ${DEFAULT-VALUE})",
            defaultValue = "/etc/masakarimonitors/masakarimonitors.conf")
    List<Path> configFiles;

    @Option(names = "--once", description = "one monitoring cycle and one outbox round, then exit")
    boolean once;

    @Option(names = "--dry-run", description = "log decisions and notifications; send and store nothing")
    boolean dryRun;

    @Option(
            names = "--crm-mon-xml",
            paramLabel = "FILE",
            description =
                    "read the cluster status from this saved crm_mon XML (re-read every cycle) instead of running status_command")
    Path crmMonXml;

    @Option(names = "--check-config", description = "validate the configuration, print the effective settings, exit")
    boolean checkConfig;

    @Option(names = "--debug", description = "verbose logging")
    boolean debug;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HostMonitorCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        configureLogging(debug ? Level.FINE : Level.INFO);
        if (checkConfig) {
            Logger.getLogger("").setLevel(Level.WARNING);
        }
        MonitorConfig config;
        try {
            config = loadConfig();
        } catch (ConfigException e) {
            LOG.severe("configuration error: " + e.getMessage());
            return 2;
        }
        if (checkConfig) {
            System.out.println(describe(config));
            return 0;
        }
        DaemonSettings own = config.daemon();
        boolean dry = dryRun || own.dryRun();
        NotificationJson json = new NotificationJson();
        Outbox outbox = new Outbox(dry ? Files.createTempDirectory("hostmonitor-dry-run") : own.outboxDir(), json);
        Delivery delivery = dry ? dryRunDelivery(json) : apiDelivery(config, json);
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                outbox, delivery, config.host().apiRetryInterval().multipliedBy(3));

        CrmMonXmlParser parser = new CrmMonXmlParser();
        ClusterSource source = crmMonXml != null
                ? new FileClusterSource(crmMonXml, parser)
                : new CommandClusterSource(own.statusCommand(), own.commandTimeout(), parser);
        HostTracker tracker = new HostTracker(new TrackerPolicy(
                config.host().monitoringSamples(),
                config.host().stonithWait(),
                config.host().restrictToRemotes(),
                own.selfNames()));
        MonitorLoop loop = new MonitorLoop(source, tracker, outbox, dispatcher::wake, Clock.systemUTC());
        LOG.info("starting: " + describe(config).replace('\n', ' '));

        if (once) {
            loop.cycle();
            dispatcher.drainOnce();
            return 0;
        }
        Thread sender = new Thread(dispatcher, "outbox-dispatcher");
        sender.start();
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dispatcher.stop();
            main.interrupt();
        }));
        try (Trigger trigger =
                own.mode() == DaemonSettings.Mode.WATCH ? new CommandTrigger(own.watchCommand()) : Trigger.timer()) {
            loop.run(trigger, own.pollInterval());
        } catch (InterruptedException e) {
            LOG.info("stopping");
        }
        return 0;
    }

    private MonitorConfig loadConfig() throws ConfigException {
        IniDocument ini = new IniDocument(java.util.Map.of());
        IniParser parser = new IniParser();
        for (Path f : configFiles) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(
                        "cannot read " + f + " (" + e.getClass().getSimpleName() + ")");
            }
            try {
                ini = ini.overlay(parser.parse(text));
            } catch (ConfigException e) {
                throw new ConfigException(f + ": " + e.getMessage());
            }
        }
        return new ConfigLoader(w -> LOG.warning("config: " + w), n -> LOG.info("config: " + n), localNames())
                .load(ini);
    }

    private static Delivery dryRunDelivery(NotificationJson json) {
        return n -> {
            LOG.info("dry-run: would POST /notifications " + new String(json.requestBody(n), StandardCharsets.UTF_8));
            return Delivery.Outcome.DELIVERED;
        };
    }

    private static Delivery apiDelivery(MonitorConfig c, NotificationJson json) throws IOException {
        HttpClient http = OpenStackAccess.httpClient(c.api());
        CachedToken tokens = new CachedToken(
                new KeystoneClient(http, c.api().timeout()), OpenStackAccess.credentials(c.api()), Clock.systemUTC());
        MasakariClient client = new MasakariClient(
                tokens,
                http,
                json,
                new MasakariClient.EndpointChoice(
                        c.api().apiInterface(), c.api().region(), c.api().apiVersion()),
                c.api().authUrl(),
                c.api().timeout());
        return new RetryingDelivery(client, c.host().apiRetryMax(), c.host().apiRetryInterval(), Retry.Sleeper.REAL);
    }

    private static Set<String> localNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            if (env != null) {
                names.add(env);
            }
        }
        return names;
    }

    private static String describe(MonitorConfig c) {
        return "mode=" + c.daemon().mode().name().toLowerCase() + "\n"
                + "poll_interval=" + c.daemon().pollInterval().toSeconds() + "s\n"
                + "status_command=" + String.join(" ", c.daemon().statusCommand()) + "\n"
                + "monitoring_samples=" + c.host().monitoringSamples() + "\n"
                + "stonith_wait=" + c.host().stonithWait().toSeconds() + "s\n"
                + "restrict_to_remotes=" + c.host().restrictToRemotes() + "\n"
                + "api_retry_max=" + c.host().apiRetryMax() + " api_retry_interval="
                + c.host().apiRetryInterval().toSeconds() + "s\n"
                + "auth_url=" + c.api().authUrl() + " interface=" + c.api().apiInterface() + " region="
                + c.api().region() + "\n"
                + "outbox_dir=" + c.daemon().outboxDir() + "\n"
                + "self=" + String.join(",", c.daemon().selfNames());
    }

    private static void configureLogging(Level level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler h = new ConsoleHandler();
        h.setFormatter(new OneLineFormatter());
        h.setLevel(level);
        root.addHandler(h);
        root.setLevel(level);
    }
}
