package dev.instanceha.simulators.nova;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar simulators.jar nova ...}: runs the Nova API simulator until killed. */
@Command(
        name = "nova",
        mixinStandardHelpOptions = true,
        description = "Nova compute API simulator (microversion 2.53: os-services, servers, evacuate, "
                + "reset-state, lock, stop/start, hypervisors) on 127.0.0.1. Control endpoints under /_sim/: "
                + "GET state, POST reset, POST hosts {host}, PUT hosts/<h>/state {state: up|down}, "
                + "POST servers {name, host, vm_state, metadata}, GET servers/<id>, PUT servers/<id>/fault {fault}.")
public final class NovaCommand implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port on 127.0.0.1 (0 = any free port; default ${DEFAULT-VALUE})")
    int port = 8774;

    @Option(
            names = "--host",
            paramLabel = "HOSTNAME",
            split = ",",
            description = "A compute host with an enabled, up nova-compute service. Repeatable or comma-separated.")
    List<String> hosts = List.of();

    @Override
    public Integer call() throws Exception {
        NovaSimulator sim = NovaSimulator.start(port, hosts);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            done.countDown();
        }));
        System.out.println("Nova simulator listening on " + sim.url() + " (catalog endpoint " + sim.endpoint() + ")");
        sim.inventory().services().forEach(s -> System.out.println("compute host " + s.host() + " service " + s.id()));
        System.out.flush();
        done.await();
        return 0;
    }
}
