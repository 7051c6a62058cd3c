package dev.instanceha.simulators.maas;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar simulators.jar maas ...}: runs the MAAS simulator until killed. */
@Command(
        name = "maas",
        mixinStandardHelpOptions = true,
        description = "MAAS API simulator (OAuth 1.0 PLAINTEXT, machines by hostname, power_off/power_on/"
                + "query_power_state) on 127.0.0.1. Control endpoints under /_sim/ (see README).")
public final class MaasCommand implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port on 127.0.0.1 (0 = any free port; default ${DEFAULT-VALUE})")
    int port = 5240;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Listen on this address instead of 127.0.0.1: loopback or 10.251.0.0/16 only "
                    + "(e.g. a test bridge's host address)")
    String bind;

    @Option(
            names = "--machine",
            required = true,
            paramLabel = "HOSTNAME[=SYSTEM_ID]",
            description = "A deployed, powered-on machine (short hostname). Repeatable.")
    List<String> machines;

    @Option(names = "--domain", description = "DNS domain of every machine (default ${DEFAULT-VALUE})")
    String domain = "maas";

    @Option(
            names = "--unallocated",
            paramLabel = "HOSTNAME",
            description = "Machines without an owner: power_on answers 409. Repeatable.")
    List<String> unallocated = List.of();

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            description = "File holding the accepted key consumer:token:secret. Without it: env MAAS_SIM_API_KEY, "
                    + "else a random key is generated and written to this file (mode 0600).")
    Path apiKeyFile;

    @Option(
            names = "--power-delay",
            paramLabel = "SECONDS",
            description = "Seconds from power_off/power_on to the new state")
    double powerDelay;

    @Option(
            names = "--failure",
            paramLabel = "HOSTNAME=MODE",
            description = "Failure mode per machine: none, power_driver_error, never_off, unknown_state, conflict, "
                    + "unavailable, hang. Repeatable.")
    Map<String, String> failures = new LinkedHashMap<>();

    @Option(
            names = "--tls-dir",
            paramLabel = "DIR",
            description = "Serve HTTPS with a fresh test CA written to DIR/ca.pem")
    Path tlsDir;

    @Option(
            names = "--power-off-command",
            paramLabel = "SHELL",
            description = "Run as sh -c SHELL sh <hostname> off when a machine powers off ({hostname} in SHELL is "
                    + "replaced too); non-zero exit = power driver error")
    String powerOffCommand;

    @Option(
            names = "--power-on-command",
            paramLabel = "SHELL",
            description = "Run as sh -c SHELL sh <hostname> on when a machine powers on")
    String powerOnCommand;

    private SelfSignedTls tls;

    @Override
    public Integer call() throws Exception {
        MaasSimulator sim = startSimulator();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            done.countDown();
        }));
        System.out.println("MAAS simulator listening on " + sim.url()
                + (tls != null ? " (CA certificate: " + tls.caPem() + ")" : ""));
        for (MachineSpec spec : sim.machines()) {
            System.out.println("machine " + spec.fqdn() + " system_id=" + spec.systemId());
        }
        System.out.flush();
        done.await();
        return 0;
    }

    /** Builds and starts the simulator the options describe (separate from call() so tests can stop it). */
    MaasSimulator startSimulator() throws Exception {
        MaasSimulator.Builder builder = MaasSimulator.builder()
                .apiKey(apiKey())
                .port(port)
                .powerDelay(Duration.ofMillis(Math.round(powerDelay * 1000)))
                .powerHook(hook());
        if (bind != null) {
            builder.bindAddress(InetAddress.getByName(bind));
        }
        for (String machine : machines) {
            String[] parts = machine.split("=", 2);
            String owner = unallocated.contains(parts[0]) ? null : "admin";
            builder.machine(new MachineSpec(parts[0], domain, parts.length > 1 ? parts[1] : null, null, owner, null));
        }
        failures.forEach((host, mode) -> builder.failure(host, FailureMode.parse(mode)));
        if (tlsDir != null) {
            tls = SelfSignedTls.generate(tlsDir);
            builder.tls(tls.serverContext());
        }
        return builder.start();
    }

    private String apiKey() throws Exception {
        if (apiKeyFile != null && Files.exists(apiKeyFile)) {
            return Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
        }
        String fromEnv = System.getenv("MAAS_SIM_API_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        SecureRandom random = new SecureRandom();
        String key = part(random, 9) + ":" + part(random, 9) + ":" + part(random, 16);
        if (apiKeyFile != null) {
            Files.writeString(apiKeyFile, key + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(apiKeyFile, PosixFilePermissions.fromString("rw-------"));
        } else {
            System.err.println("warning: no --api-key-file or MAAS_SIM_API_KEY; generated key is not retrievable");
        }
        return key;
    }

    private static String part(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private PowerHook hook() {
        PowerHook off =
                powerOffCommand == null ? PowerHook.NONE : new ShellPowerHook(powerOffCommand, Duration.ofSeconds(60));
        PowerHook on =
                powerOnCommand == null ? PowerHook.NONE : new ShellPowerHook(powerOnCommand, Duration.ofSeconds(60));
        return (hostname, target) -> (target == PowerState.OFF ? off : on).apply(hostname, target);
    }
}
