package dev.instanceha.simulators.maas;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-memory MAAS region API (the subset a fence agent uses) on the JDK's HTTP server, bound to
 * 127.0.0.1. Build one with {@link #builder()}, {@link #start()} it, point a client at {@link #url()},
 * then inspect {@link #operations()} and {@link #powerState(String)}.
 */
public final class MaasSimulator implements AutoCloseable {
    private final Map<String, SimMachine> machines = new LinkedHashMap<>();
    private final List<Operation> operations = new CopyOnWriteArrayList<>();
    private final OAuthPlaintext oauth;
    private final PowerHook powerHook;
    private final SSLContext tls;
    private final int requestedPort;
    private final Duration hangLimit;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger transientFailures = new AtomicInteger();
    private volatile int transientStatus = 503;
    private volatile Duration powerDelay;
    private ExecutorService requestThreads;
    private ScheduledExecutorService transitions;
    private HttpServer server;
    private final InetAddress bindAddress;

    private MaasSimulator(Builder b) {
        this.oauth = new OAuthPlaintext(b.apiKey);
        this.powerHook = b.powerHook;
        this.tls = b.tls;
        this.requestedPort = b.port;
        this.bindAddress = b.bindAddress;
        this.hangLimit = b.hangLimit;
        this.powerDelay = b.powerDelay;
        for (MachineSpec spec : b.machines) {
            machines.put(
                    spec.hostname(), new SimMachine(spec, b.failures.getOrDefault(spec.hostname(), FailureMode.NONE)));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public MaasSimulator start() throws IOException {
        InetSocketAddress address = new InetSocketAddress(bindAddress, requestedPort);
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        requestThreads = Executors.newCachedThreadPool(daemon("maas-sim-http"));
        transitions = Executors.newSingleThreadScheduledExecutor(daemon("maas-sim-power"));
        server.setExecutor(requestThreads);
        server.createContext(MaasApiHandler.API_ROOT, new MaasApiHandler(this));
        server.createContext(ControlHandler.ROOT, new ControlHandler(this));
        server.start();
        return this;
    }

    /** The MAAS URL as operators configure it, e.g. {@code http://127.0.0.1:5240/MAAS}. */
    public String url() {
        return (tls != null ? "https" : "http") + "://" + bindAddress.getHostAddress() + ":" + port() + "/MAAS";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        stopped.countDown();
        if (server != null) {
            server.stop(0);
            requestThreads.shutdownNow();
            transitions.shutdownNow();
        }
    }

    // ---- inspection and control, for tests and the control endpoint ----

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public List<Operation> operations(String op) {
        return operations.stream().filter(o -> op.equals(o.op())).toList();
    }

    public void clearOperations() {
        operations.clear();
    }

    public PowerState powerState(String hostname) {
        return machine(hostname)
                .orElseThrow(() -> new IllegalArgumentException("no machine " + hostname))
                .powerState();
    }

    public void setPowerState(String hostname, PowerState state) {
        machine(hostname)
                .orElseThrow(() -> new IllegalArgumentException("no machine " + hostname))
                .powerState(state);
    }

    public void setFailure(String hostname, FailureMode mode) {
        machine(hostname)
                .orElseThrow(() -> new IllegalArgumentException("no machine " + hostname))
                .failure(mode);
    }

    public void setPowerDelay(Duration delay) {
        this.powerDelay = delay;
    }

    public Duration powerDelay() {
        return powerDelay;
    }

    /** The next {@code count} API requests (any machine) answer {@code status}, then service resumes. */
    public void failNextRequests(int count, int status) {
        transientStatus = status;
        transientFailures.set(count);
    }

    /** Enlists a machine while running (the model adds compute machines as units are added). */
    public void addMachine(MachineSpec spec) {
        synchronized (machines) {
            machines.putIfAbsent(spec.hostname(), new SimMachine(spec, FailureMode.NONE));
        }
    }

    public List<MachineSpec> machines() {
        List<MachineSpec> specs = new ArrayList<>();
        machines.values().forEach(m -> specs.add(m.spec()));
        return specs;
    }

    // ---- package-private collaborators for the handlers ----

    Optional<SimMachine> machine(String hostname) {
        return Optional.ofNullable(machines.get(hostname));
    }

    Optional<SimMachine> machineBySystemId(String systemId) {
        return machines.values().stream()
                .filter(m -> m.spec().systemId().equals(systemId))
                .findFirst();
    }

    List<SimMachine> allMachines() {
        return List.copyOf(machines.values());
    }

    OAuthPlaintext oauth() {
        return oauth;
    }

    void record(Operation operation) {
        operations.add(operation);
    }

    /** @return the status to answer instead of serving the request, or 0 to serve it */
    int takeTransientFailure() {
        return transientFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? transientStatus : 0;
    }

    void hang() throws InterruptedException {
        stopped.await(hangLimit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a power change: after the configured delay the hook runs and the state settles. */
    void powerAction(SimMachine machine, PowerState target) {
        long generation = machine.beginAction();
        Runnable settle = () -> settle(machine, target, generation);
        Duration delay = powerDelay;
        if (delay.isZero()) {
            settle.run();
        } else {
            transitions.schedule(settle, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void settle(SimMachine machine, PowerState target, long generation) {
        FailureMode mode = machine.failure();
        if (mode == FailureMode.NEVER_OFF && target == PowerState.OFF) {
            return;
        }
        if (mode == FailureMode.POWER_DRIVER_ERROR) {
            machine.finishAction(generation, PowerState.ERROR, "Power driver error: simulated BMC failure");
            return;
        }
        try {
            powerHook.apply(machine.spec().hostname(), target);
            machine.finishAction(generation, target, null);
        } catch (Exception e) {
            machine.finishAction(generation, PowerState.ERROR, "Power driver error: " + e.getMessage());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures a simulator; every setting has a test-friendly default. */
    public static final class Builder {
        private final List<MachineSpec> machines = new ArrayList<>();
        private final Map<String, FailureMode> failures = new LinkedHashMap<>();
        private String apiKey = "consumer:token:secret";
        private PowerHook powerHook = PowerHook.NONE;
        private SSLContext tls;
        private int port;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private Duration powerDelay = Duration.ZERO;
        private Duration hangLimit = Duration.ofMinutes(10);

        /** The API key clients must present, {@code consumer:token:secret}. */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        public Builder machine(MachineSpec spec) {
            machines.add(spec);
            return this;
        }

        /** A deployed, powered-on machine called {@code hostname} in domain "maas". */
        public Builder machine(String hostname) {
            return machine(MachineSpec.deployed(hostname));
        }

        public Builder failure(String hostname, FailureMode mode) {
            failures.put(hostname, mode);
            return this;
        }

        /** Time from an accepted power_off/power_on to the new state (and the power hook running). */
        public Builder powerDelay(Duration delay) {
            this.powerDelay = delay;
            return this;
        }

        public Builder powerHook(PowerHook hook) {
            this.powerHook = hook;
            return this;
        }

        /** Serve HTTPS with this context (see {@link SelfSignedTls}). */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * The address to listen on: loopback (the default), or an address of the test network
         * 10.251.0.0/16 (a bridge the tests' machines reach). Anything else is refused, so the
         * simulator is never exposed beyond this host's own test networks.
         */
        public Builder bindAddress(InetAddress address) {
            byte[] a = address.getAddress();
            boolean testNetwork = a.length == 4 && (a[0] & 0xff) == 10 && (a[1] & 0xff) == 251;
            if (!address.isLoopbackAddress() && !testNetwork) {
                throw new IllegalArgumentException("bind address " + address.getHostAddress()
                        + " is neither loopback nor in the test network 10.251.0.0/16");
            }
            this.bindAddress = address;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Upper bound for {@link FailureMode#HANG}, so a forgotten simulator cannot hold threads forever. */
        public Builder hangLimit(Duration limit) {
            this.hangLimit = limit;
            return this;
        }

        public MaasSimulator build() {
            return new MaasSimulator(this);
        }

        public MaasSimulator start() throws IOException {
            return build().start();
        }
    }
}
