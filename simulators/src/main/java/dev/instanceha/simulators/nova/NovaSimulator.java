package dev.instanceha.simulators.nova;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Nova compute API simulator on 127.0.0.1 backed by a {@link NovaInventory}.
 * Start with {@link #start(int, List)}; the catalog URL to register in Keystone is {@link #endpoint()}.
 */
public final class NovaSimulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final NovaInventory inventory;

    private NovaSimulator(HttpServer server, ExecutorService executor, NovaInventory inventory) {
        this.server = server;
        this.executor = executor;
        this.inventory = inventory;
    }

    /** Listens on 127.0.0.1:port (0 = any free port) with one nova-compute service per host. */
    public static NovaSimulator start(int port, List<String> hosts) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, hosts);
    }

    /** Listens on address:port (the model binds its bridge address so machines reach it). */
    public static NovaSimulator start(InetAddress address, int port, List<String> hosts) throws IOException {
        NovaInventory inventory = new NovaInventory();
        hosts.forEach(inventory::addHost);
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "nova-sim");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        String base =
                "http://" + address.getHostAddress() + ":" + http.getAddress().getPort();
        http.createContext("/", new NovaApiHandler(inventory, base));
        http.start();
        return new NovaSimulator(http, executor, inventory);
    }

    public NovaInventory inventory() {
        return inventory;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8774}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** The compute endpoint as registered in Keystone's catalog. */
    public String endpoint() {
        return url() + "/v2.1";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
