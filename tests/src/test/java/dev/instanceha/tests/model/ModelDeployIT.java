package dev.instanceha.tests.model;

import dev.instanceha.tests.model.cloud.ModelCloud;
import dev.instanceha.tests.model.juju.Bundle;
import dev.instanceha.tests.model.juju.Controller;
import dev.instanceha.tests.model.standins.StandIns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        machines.destroyAll();   // a fresh model: no machine left from an earlier run
        cloud = new ModelCloud(machines, ModelDeployIT::show).start();
        Path logs = machines.logs().resolve("model-it");
        model = new Controller(machines, Controller.Options.defaults(logs).withUpdateStatus(Duration.ofSeconds(60))
                .withRetry(Duration.ofSeconds(3)), charm -> StandIns.forCharm(charm, cloud), ModelDeployIT::show);
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
        assertEquals("Unit is ready and clustered", model.workload("hacluster/0").message(), model.status());
        for (String u : model.units("pacemaker-remote")) {
            assertEquals("active", model.workload(u).status(), model.status());
        }
        for (String u : model.units("masakari-monitors")) {
            assertEquals("active", model.workload(u).status(), model.status());
        }
    }
}
