package dev.instanceha.tests.model.juju;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.tests.model.Machines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's command line, verbs named as Juju names them: {@code deploy BUNDLE}, {@code status},
 * {@code config}, {@code run}, {@code add-unit}, {@code remove-unit}, {@code integrate},
 * {@code remove-relation}, {@code refresh}, {@code debug-log}, {@code wait}, {@code destroy}.
 * The first deploy starts the controller in the background (as {@code juju bootstrap} would);
 * every verb is a request to it over a unix socket, its progress streamed back.
 */
public final class ModelCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println(usage());
            return;
        }
        Machines machines = Machines.find();
        Path socket = ControlServer.socket(machines);
        if (args[0].equals("controller")) {
            try {
                ControlServer.serve(machines, List.of(args).subList(1, args.length));
            } catch (Exception | LinkageError e) {
                e.printStackTrace();
                System.exit(1); // the simulators' threads would keep a half-started controller alive
            }
            return;
        }
        if (!Files.exists(socket) || !reachable(socket)) {
            if (args[0].equals("destroy")) {
                machines.destroyAll();
                System.out.println("no controller was running; machines, bridge and recorded processes removed");
                return;
            }
            if (!args[0].equals("deploy")) {
                System.err.println(
                        "ERROR no model is running: deploy a bundle first (tests/model/juju deploy tests/bundles/lab-mini.yaml)");
                System.exit(1);
            }
            startController(machines, socket, args);
        }
        System.exit(request(socket, args, System.out));
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: tests/model/juju VERB [ARGS]",
                "  deploy BUNDLE [--overlay FILE]... [--base trixie|bookworm] [--update-status-interval SECONDS]",
                "  status                          the juju status table",
                "  config APP [KEY=VALUE ...]      show or set options (config-changed on every unit)",
                "  run UNIT ACTION [KEY=VALUE ...] run an action and print its results",
                "  add-unit APP | remove-unit UNIT",
                "  integrate APP[:EP] APP[:EP] | remove-relation APP[:EP] APP[:EP]",
                "  refresh APP --path NEW.charm    upgrade-charm to a rebuilt charm",
                "  wait [--timeout MINUTES]        until no hook is queued or running",
                "  debug-log [-n LINES]            the last lines of every unit's log",
                "  destroy                         every machine, process and the bridge the model made");
    }

    private static boolean reachable(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void startController(Machines machines, Path socket, String[] args)
            throws IOException, InterruptedException {
        List<String> opts = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--base") || args[i].equals("--update-status-interval")) {
                opts.add(args[i]);
                opts.add(args[i + 1]);
            }
        }
        Path log = machines.logs().resolve("controller.log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(
                "setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ModelCli.class.getName(),
                "controller"));
        cmd.addAll(opts);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        System.out.println("starting the model's controller (pid " + p.pid() + ", log " + log + ")");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!reachable(socket)) {
            if (!p.isAlive()) {
                System.err.println("ERROR the controller exited; last lines of " + log + ":");
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
                System.exit(1);
            }
            if (System.nanoTime() > deadline) {
                System.err.println("ERROR the controller did not come up in 5 min (log " + log + ")");
                System.exit(1);
            }
            Thread.sleep(300);
        }
    }

    /** Sends one verb; prints what the controller streams back; returns its exit code. */
    static int request(Path socket, String[] args, PrintStream out) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ObjectNode req = JSON.createObjectNode();
            ArrayNode a = req.putArray("args");
            for (String s : args) {
                a.add(s);
            }
            OutputStream o = Channels.newOutputStream(ch);
            o.write((req + "\n").getBytes(StandardCharsets.UTF_8));
            o.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(ControlServer.EXIT)) {
                    return Integer.parseInt(
                            line.substring(ControlServer.EXIT.length()).strip());
                }
                out.println(line);
            }
            out.println("ERROR the controller closed the connection");
            return 1;
        }
    }

    static JsonNode parse(String line) throws IOException {
        return JSON.readTree(line);
    }
}
