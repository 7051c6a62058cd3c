package dev.instanceha.tests.model.juju;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.tests.model.Machines;
import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.standins.StandIns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The controller process behind {@link ModelCli}: the cloud services, the {@link Controller}, and the verbs. */
final class ControlServer {
    static final String EXIT = "\u0000exit ";
    private final Machines machines;
    private final ModelCloud cloud;
    private final Controller controller;
    private final List<PrintWriter> listeners = new CopyOnWriteArrayList<>();
    private final PrintWriter modelLog;
    private volatile boolean stopping;

    private ControlServer(Machines machines, List<String> opts) throws Exception {
        this.machines = machines;
        Controller.Options options = Controller.Options.defaults(machines.logs().resolve("model"));
        for (int i = 0; i + 1 < opts.size(); i += 2) {
            switch (opts.get(i)) {
                case "--base" -> options = options.withBase(opts.get(i + 1));
                case "--update-status-interval" ->
                    options = options.withUpdateStatus(Duration.ofSeconds(Long.parseLong(opts.get(i + 1))));
                default -> throw new ModelException("unknown controller option " + opts.get(i));
            }
        }
        Files.createDirectories(options.logDir());
        modelLog = new PrintWriter(
                Files.newBufferedWriter(
                        options.logDir().resolve("model.log"),
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND),
                true);
        this.cloud = new ModelCloud(machines, this::broadcast).start();
        this.controller = new Controller(machines, options, charm -> StandIns.forCharm(charm, cloud), this::broadcast);
    }

    static Path socket(Machines machines) {
        return machines.home().resolve("run/controller.sock");
    }

    static void serve(Machines machines, List<String> opts) throws Exception {
        machines.requireHost();
        machines.recordProcess("controller", ProcessHandle.current().pid());
        ControlServer server = new ControlServer(machines, opts);
        Path socket = socket(machines);
        Files.deleteIfExists(socket);
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            while (!server.stopping) {
                SocketChannel client = ch.accept();
                Thread t = new Thread(() -> server.handle(client), "control");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private void broadcast(String line) {
        modelLog.println(line);
        for (PrintWriter w : listeners) {
            w.println(line);
        }
    }

    private void handle(SocketChannel client) {
        try (client) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(Channels.newOutputStream(client), true, StandardCharsets.UTF_8);
            String first = in.readLine();
            if (first == null) {
                return; // a reachability probe
            }
            JsonNode req = ModelCli.parse(first);
            List<String> args = new ArrayList<>();
            req.path("args").forEach(a -> args.add(a.asText()));
            int code;
            try {
                code = verb(args, out);
            } catch (ModelException e) {
                out.println("ERROR " + e.getMessage());
                code = 1;
            } catch (Exception e) {
                out.println("ERROR " + e);
                code = 1;
            }
            out.println(EXIT + code);
            if (stopping) {
                System.exit(0);
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private int verb(List<String> args, PrintWriter out) throws Exception {
        String verb = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (verb) {
            case "deploy" -> {
                List<Path> overlays = new ArrayList<>();
                Path bundle = null;
                for (int i = 0; i < rest.size(); i++) {
                    switch (rest.get(i)) {
                        case "--overlay" -> overlays.add(Path.of(rest.get(++i)));
                        case "--base", "--update-status-interval" -> i++;
                        default -> bundle = Path.of(rest.get(i));
                    }
                }
                if (bundle == null) {
                    throw new ModelException("deploy needs a bundle file");
                }
                listeners.add(out);
                try {
                    out.println("full logs: " + controller.debugLogPath());
                    controller.deploy(Bundle.read(bundle.toAbsolutePath(), overlays));
                    controller.awaitSettled(Duration.ofMinutes(60));
                } finally {
                    listeners.remove(out);
                }
                out.print(controller.status());
                return 0;
            }
            case "status" -> {
                out.print(controller.status());
                return 0;
            }
            case "wait" -> {
                long minutes = rest.size() > 1 && rest.get(0).equals("--timeout") ? Long.parseLong(rest.get(1)) : 30;
                listeners.add(out);
                try {
                    controller.awaitSettled(Duration.ofMinutes(minutes));
                } finally {
                    listeners.remove(out);
                }
                out.print(controller.status());
                return 0;
            }
            case "config" -> {
                if (rest.isEmpty()) {
                    throw new ModelException("config needs an application");
                }
                Map<String, String> kv = keyValues(rest.subList(1, rest.size()));
                if (kv.isEmpty()) {
                    controller
                            .config(rest.get(0))
                            .forEach((k, v) -> out.println(k + ": " + (isSecretKey(k) ? "(hidden)" : v)));
                } else {
                    controller.config(rest.get(0), kv);
                }
                return 0;
            }
            case "run" -> {
                if (rest.size() < 2) {
                    throw new ModelException("run needs a unit and an action");
                }
                Map<String, Object> params = new LinkedHashMap<>(keyValues(rest.subList(2, rest.size())));
                HookEvent.ActionRun run = controller.run(rest.get(0), rest.get(1), params);
                out.println("Running operation " + run.id() + " with 1 task");
                out.println("  - task " + run.id() + " on unit-" + rest.get(0).replace('/', '-'));
                out.println();
                out.println("Waiting for task " + run.id() + "...");
                controller.awaitAction(run, Duration.ofMinutes(30));
                run.logs().forEach(l -> out.println(l));
                run.results().forEach((k, v) -> out.println(k + ": " + v));
                if (run.failure() != null) {
                    out.println("ERROR the following task failed:");
                    out.println(" id \"" + run.id() + "\" with return code 1: " + run.failure());
                    return 1;
                }
                return 0;
            }
            case "add-unit" -> controller.addUnit(one(rest, "add-unit needs an application"));
            case "remove-unit" -> controller.removeUnit(one(rest, "remove-unit needs a unit"));
            case "integrate", "relate", "add-relation" -> {
                if (rest.size() != 2) {
                    throw new ModelException("integrate needs two endpoints");
                }
                controller.integrate(rest.get(0), rest.get(1));
            }
            case "remove-relation" -> {
                if (rest.size() != 2) {
                    throw new ModelException("remove-relation needs two endpoints");
                }
                controller.removeRelation(rest.get(0), rest.get(1));
            }
            case "refresh" -> {
                if (rest.size() != 3 || !rest.get(1).equals("--path")) {
                    throw new ModelException("usage: refresh APP --path NEW.charm");
                }
                controller.refresh(rest.get(0), Path.of(rest.get(2)).toAbsolutePath());
            }
            case "debug-log" -> {
                int n = rest.size() > 1 && rest.get(0).equals("-n") ? Integer.parseInt(rest.get(1)) : 50;
                List<String> lines = Files.readAllLines(controller.debugLogPath());
                lines.subList(Math.max(0, lines.size() - n), lines.size()).forEach(out::println);
            }
            case "destroy" -> {
                out.println("destroying the model: machines, cloud services, controller");
                stopping = true;
                controller.close();
                cloud.close();
                Files.deleteIfExists(machines.home().resolve("run/controller.pid")); // this process answers, then exits
                machines.destroyAll();
                out.println("done");
            }
            default -> throw new ModelException("unknown verb \"" + verb + "\"\n" + ModelCli.usage());
        }
        return 0;
    }

    private static boolean isSecretKey(String key) {
        return key.contains("password") || key.contains("credentials") || key.contains("key") || key.contains("secret");
    }

    private static String one(List<String> rest, String message) {
        if (rest.size() != 1) {
            throw new ModelException(message);
        }
        return rest.get(0);
    }

    private static Map<String, String> keyValues(List<String> pairs) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ModelException("expected KEY=VALUE, got \"" + p + "\"");
            }
            kv.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return kv;
    }
}
