package dev.instanceha.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.tests.lab.CrmMonView;
import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.Bundle;
import dev.instanceha.tests.model.juju.Controller;
import dev.instanceha.tests.model.standins.StandIns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packed charms deployed together from {@code tests/bundles/lab-mini.yaml} onto fresh Debian
 * trixie machines (the charms' own install path: dispatch installs Java, the charms apt-install
 * their packages), every hook through the real dispatch; then a compute unit removed (its remote
 * leaves the CIB, nothing fenced), added back, and a charm refreshed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelDeployIT {
    private static Machines machines;
    private static ModelCloud cloud;
    private static Controller model;
    private static final StringBuilder progress = new StringBuilder();

    @BeforeAll
    static void deploy() throws Exception {
        machines = Machines.find();
        machines.requireHost();
        machines.destroyAll(); // a fresh model: no machine left from an earlier run
        cloud = new ModelCloud(machines, ModelDeployIT::show).start();
        Path logs = machines.logs().resolve("model-it");
        model = new Controller(
                machines,
                Controller.Options.defaults(logs)
                        .withUpdateStatus(Duration.ofSeconds(60))
                        .withRetry(Duration.ofSeconds(3)),
                charm -> StandIns.forCharm(charm, cloud),
                ModelDeployIT::show);
        model.deploy(Bundle.read(repo().resolve("tests/bundles/lab-mini.yaml"), List.of()));
        model.awaitSettled(Duration.ofMinutes(40));
        show(model.status());
    }

    private static synchronized void show(String line) {
        progress.append(line).append('\n');
        System.out.println(line);
    }

    static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/bundles"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find tests/bundles above the working directory");
    }

    @AfterAll
    static void destroy() throws Exception {
        if (model != null) {
            model.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        if (machines != null) {
            machines.destroyAll();
            assertEquals(List.of(), machines.leftovers(), "destroy must leave no machine, link or recorded process");
        }
    }

    @Test
    @Order(1)
    void everyUnitIsActiveWithTheUpstreamStatusTexts() {
        assertEquals("active", model.workload("masakari/0").status(), model.status());
        assertTrue(model.workload("masakari/0").message().startsWith("Unit is ready"), model.status());
        assertEquals(
                "Unit is ready and clustered", model.workload("hacluster/0").message(), model.status());
        for (String u : model.units("pacemaker-remote")) {
            assertEquals("active", model.workload(u).status(), model.status());
        }
        for (String u : model.units("masakari-monitors")) {
            assertEquals("active", model.workload(u).status(), model.status());
        }
        for (String u : model.units("masakari-mysql-router")) {
            assertEquals("active", model.workload(u).status(), model.status());
        }
    }

    @Test
    @Order(2)
    void theClusterTheCharmsFormedHasTheMemberAndBothRemotesOnlineAndFencingReady() throws Exception {
        String member = model.machineOf("masakari/0");
        awaitTrue("member and remotes online, st-maas started", Duration.ofMinutes(3), () -> {
            CrmMonView view = crmMon(member);
            return view.cluster().online(member)
                    && model.units("nova-compute").stream()
                            .allMatch(u -> view.cluster().online(model.machineOf(u)))
                    && view.xml().contains("id=\"st-maas\"")
                    && view.xml().matches("(?s).*id=\"st-maas\"[^>]*role=\"Started\".*");
        });
        CrmMonView view = crmMon(member);
        assertEquals(
                3,
                view.cluster().nodes().size(),
                "one member, two remotes, and no stray node1: " + view.cluster().nodes());
    }

    @Test
    @Order(3)
    void theMasakariApiAnswersThroughTheVipWithAKeystoneToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://10.251.200.100:15868/v1/segments"))
                                .header("X-Auth-Token", cloud.keystone().adminToken())
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"segments\""), r.body());
    }

    @Test
    @Order(4)
    void removingAComputeUnitTakesItsRemoteOutOfTheCibWithoutFencingIt() throws Exception {
        String member = model.machineOf("masakari/0");
        String leaving = model.units("nova-compute").get(1);
        String host = model.machineOf(leaving);
        cloud.maas().clearOperations();
        model.removeUnit(leaving);
        model.awaitSettled(Duration.ofMinutes(10));
        assertFalse(model.units("nova-compute").contains(leaving));
        assertEquals(1, model.units("pacemaker-remote").size(), model.status());
        assertFalse(cibadmin(member).contains("id=\"" + host + "\""), "the remote resource left the CIB");
        assertEquals(List.of(), cloud.maas().operations("power_off"), "a removed unit is never fenced");
        assertEquals(
                List.of(),
                machines.leftovers().stream().filter(l -> l.contains(host)).toList(),
                "its machine is gone");
    }

    @Test
    @Order(5)
    void aComputeUnitAddedBackJoinsAsAnOnlineRemote() throws Exception {
        model.addUnit("nova-compute");
        model.awaitSettled(Duration.ofMinutes(20));
        String added =
                model.units("nova-compute").get(model.units("nova-compute").size() - 1);
        String host = model.machineOf(added);
        String member = model.machineOf("masakari/0");
        awaitTrue(
                host + " online as a remote",
                Duration.ofMinutes(3),
                () -> crmMon(member).cluster().online(host));
        for (String u : model.units("pacemaker-remote")) {
            assertEquals("active", model.workload(u).status(), model.status());
        }
    }

    @Test
    @Order(6)
    void refreshingToAnUnchangedCharmRestartsNothing() throws Exception {
        String member = model.machineOf("masakari/0");
        Map<String, String> before = mainPids(member);
        model.refresh("masakari", repo().resolve("charm-masakari/target/masakari.charm"));
        model.refresh("hacluster", repo().resolve("charm-hacluster-ext/target/hacluster.charm"));
        model.awaitSettled(Duration.ofMinutes(10));
        assertEquals(before, mainPids(member), "upgrade-charm to the same charm must not restart a daemon");
        assertEquals("active", model.workload("masakari/0").status(), model.status());
        assertEquals(
                "Unit is ready and clustered", model.workload("hacluster/0").message(), model.status());
    }

    private static Map<String, String> mainPids(String machine) {
        Map<String, String> pids = new java.util.TreeMap<>();
        for (String service : List.of("masakari-api", "masakari-engine", "corosync", "pacemaker")) {
            pids.put(
                    service,
                    machines.handle(machine, "")
                            .run(Duration.ofSeconds(30), "systemctl", "show", "-p", "MainPID", "--value", service)
                            .strip());
        }
        assertTrue(pids.values().stream().noneMatch(p -> p.equals("0") || p.isEmpty()), "every daemon runs: " + pids);
        return pids;
    }

    private static CrmMonView crmMon(String machine) {
        return CrmMonView.parse(
                machines.handle(machine, "").run(Duration.ofSeconds(30), "crm_mon", "--output-as=xml", "-1"));
    }

    private static String cibadmin(String machine) {
        return machines.handle(machine, "").run(Duration.ofSeconds(30), "cibadmin", "-Q", "-o", "resources");
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // a machine still booting: try again until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n" + model.status());
            }
            Thread.sleep(2000);
        }
    }
}
