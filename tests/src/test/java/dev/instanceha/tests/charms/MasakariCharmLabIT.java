package dev.instanceha.tests.charms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.masakari.ApiServer;
import dev.instanceha.masakari.MasakariCharm;
import dev.instanceha.masakari.MasakariConfFile;
import dev.instanceha.ops.client.KeystoneToken;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import dev.instanceha.tests.lab.Keystone;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.LabTest;
import dev.instanceha.tests.lab.Masakari;
import dev.instanceha.tests.lab.Poll;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * charm-masakari against the real programs: the charm is given relation data shaped like
 * mysql-router's, rabbitmq-server's and keystone's, carrying the lab's real credentials; the
 * masakari.conf it renders is then used, unmodified, by the real masakari-manage, masakari-api and
 * masakari-engine, which must answer a Keystone-authenticated API call. The lab's own masakari is
 * stopped for the duration and started again afterwards.
 */
@LabTest(computes = 1)
class MasakariCharmLabIT {
    static final Path CHARM = Path.of("../charm-masakari/src/main/charm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Lab lab;
    private final Keystone keystone;
    private final Masakari masakari;

    MasakariCharmLabIT(Lab lab, Keystone keystone, Masakari masakari) {
        this.lab = lab;
        this.keystone = keystone;
        this.masakari = masakari;
    }

    @AfterAll
    static void giveTheApiBackToTheLab() {
        Lab.get().ensureUp(1);
    }

    /** The masakari.conf the charm renders for these credentials (leader, all relations complete). */
    private String renderedConf(String dbPassword) {
        FakeHost host = new FakeHost().withFile(ApiServer.UWSGI_INI, "[uwsgi]\n", FileSpec.root(0644));
        Result out = new CharmTestContext(MasakariCharm::new, CHARM)
                .run(
                        Event.configChanged(),
                        State.of("masakari/0")
                                .withLeader(true)
                                .withAddress(Lab.HOST)
                                .withRelation(sharedDb(dbPassword))
                                .withRelation(amqp())
                                .withRelation(identity())
                                .withRelation(RelationState.of("cluster", 1, "masakari")),
                        host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus(), out.allLogText());
        return host.file(MasakariConfFile.PATH).orElseThrow().text();
    }

    @Test
    void renderedConfigRunsTheRealMasakari(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("masakari.conf"), renderedConf(Lab.DB_PASSWORD));

        Process sync = run(dir, "db-sync", "masakari-manage", "--config-file", conf.toString(), "db", "sync");
        assertEquals(0, waitFor(sync, 180), "db sync with the charm's config: " + log(dir, "db-sync"));

        stopLabMasakari();
        Process api = run(dir, "api", "masakari-api", "--config-file", conf.toString());
        Process engine = run(dir, "engine", "masakari-engine", "--config-file", conf.toString());
        try {
            KeystoneToken session = keystone.service();
            String endpoint = "http://" + Lab.HOST + ":" + Lab.MASAKARI_PORT + "/v1/" + session.projectId();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> segments = awaitApi(http, endpoint + "/segments", session.id(), api, dir);
            assertEquals(200, segments.statusCode(), segments.body());
            assertTrue(JSON.readTree(segments.body()).has("segments"), segments.body());

            HttpResponse<String> unauthenticated = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/segments"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unauthenticated.statusCode(), "keystone_authtoken from the charm must guard the API");

            String name = "charm-proof-" + System.currentTimeMillis();
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/segments"))
                            .header("X-Auth-Token", session.id())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"segment\": {\"name\": \"" + name
                                    + "\", \"recovery_method\": \"auto\", \"service_type\": \"COMPUTE\"}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    201, created.statusCode(), "masakari answers 201 Created on a segment create: " + created.body());
            JsonNode segment = JSON.readTree(created.body()).path("segment");
            assertEquals(name, segment.path("name").asText());
            http.send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/segments/"
                                    + segment.path("uuid").asText()))
                            .header("X-Auth-Token", session.id())
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertTrue(engine.isAlive(), "masakari-engine with the charm's config died: " + log(dir, "engine"));
        } finally {
            stop(api);
            stop(engine);
            lab.ensureUp(1);
        }
    }

    @Test
    void segmentAndHostActionsRunAgainstTheRealApi() {
        lab.ensureUp(1); // the API may have been handed back just now
        CharmTestContext ctx = new CharmTestContext(MasakariCharm::new, CHARM);
        State state = State.of("masakari/0")
                .withLeader(true)
                .withAddress(Lab.HOST)
                .withRelation(sharedDb(Lab.DB_PASSWORD))
                .withRelation(amqp())
                .withRelation(identity())
                .withRelation(RelationState.of("cluster", 1, "masakari"));
        String segment = "charm-actions-" + System.currentTimeMillis();
        Result created = ctx.run(
                Event.action(
                        "create-segment",
                        Map.of(
                                "name",
                                segment,
                                "recovery-method",
                                "auto",
                                "service-type",
                                "COMPUTE",
                                "description",
                                "")),
                state);
        assertEquals(java.util.Optional.empty(), created.actionFailure());
        assertEquals(segment, created.actionResults().get("segment.name"));
        try {
            Result listed = ctx.run(Event.action("list-segments", Map.of()), state);
            assertTrue(
                    listed.actionResults().get("segments").contains(segment),
                    listed.actionResults().toString());

            // compute1 is a Nova compute service in the lab (the simulator), so masakari accepts it.
            Result added = ctx.run(
                    Event.action(
                            "add-host",
                            Map.of(
                                    "segment",
                                    segment,
                                    "host",
                                    "compute1",
                                    "type",
                                    "COMPUTE",
                                    "control-attributes",
                                    "SSH",
                                    "reserved",
                                    false,
                                    "on-maintenance",
                                    true)),
                    state);
            assertEquals(java.util.Optional.empty(), added.actionFailure());
            assertEquals("true", added.actionResults().get("host.on-maintenance"));
            Result duplicate = ctx.run(
                    Event.action(
                            "add-host",
                            Map.of(
                                    "segment",
                                    segment,
                                    "host",
                                    "compute1",
                                    "type",
                                    "COMPUTE",
                                    "control-attributes",
                                    "SSH",
                                    "reserved",
                                    false,
                                    "on-maintenance",
                                    false)),
                    state);
            assertTrue(
                    duplicate.actionFailure().orElse("").contains("409"),
                    duplicate.actionFailure().toString());

            Result reset = ctx.run(
                    Event.action("reset-host-maintenance", Map.of("segment", segment, "host", "compute1")), state);
            assertEquals(
                    "false",
                    reset.actionResults().get("host.on-maintenance"),
                    reset.actionFailure().toString());
            Result notifications = ctx.run(Event.action("list-notifications", Map.of("limit", 5)), state);
            assertEquals(java.util.Optional.empty(), notifications.actionFailure());
            Result removed =
                    ctx.run(Event.action("remove-host", Map.of("segment", segment, "host", "compute1")), state);
            assertEquals(
                    "compute1",
                    removed.actionResults().get("removed"),
                    removed.actionFailure().toString());
            Result unknown = ctx.run(
                    Event.action(
                            "add-host",
                            Map.of(
                                    "segment",
                                    "no-such-segment",
                                    "host",
                                    "compute1",
                                    "type",
                                    "COMPUTE",
                                    "control-attributes",
                                    "SSH",
                                    "reserved",
                                    false,
                                    "on-maintenance",
                                    false)),
                    state);
            assertEquals(
                    java.util.Optional.of("no segment named or with UUID 'no-such-segment'"), unknown.actionFailure());
        } finally {
            masakari.admin().deleteSegments(segment);
        }
    }

    @Test
    void aWrongDatabasePasswordFromTheRelationFailsTheProof(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("masakari.conf"), renderedConf("not-the-password"));
        Process sync = run(dir, "db-sync", "masakari-manage", "--config-file", conf.toString(), "db", "sync");
        int exit = waitFor(sync, 180);
        assertFalse(exit == 0, "db sync must fail with the wrong password");
        assertTrue(log(dir, "db-sync").contains("Access denied"), log(dir, "db-sync"));
    }

    // --- relation data in the peers' shapes (see charm-masakari's Peers), with the lab's credentials

    private static Map<String, String> addresses(String ip) {
        return RelationState.addressKeys(ip);
    }

    private static RelationState sharedDb(String password) {
        Map<String, String> unit = addresses(Lab.HOST);
        unit.put("db_host", Lab.HOST);
        unit.put("db_port", "3306");
        unit.put("password", password);
        unit.put("allowed_units", "masakari/0");
        return RelationState.of("shared-db", 11, "mysql").withRemoteUnit("mysql/0", unit);
    }

    private static RelationState amqp() {
        Map<String, String> unit = addresses(Lab.HOST);
        unit.put("hostname", Lab.HOST);
        unit.put("password", Lab.RABBIT_PASSWORD);
        return RelationState.of("amqp", 12, "rabbitmq-server").withRemoteUnit("rabbitmq-server/0", unit);
    }

    private RelationState identity() {
        Map<String, String> unit = addresses(Lab.HOST);
        for (String prefix : List.of("service", "auth")) {
            unit.put(prefix + "_host", Lab.HOST);
            unit.put(prefix + "_port", Integer.toString(Lab.KEYSTONE_PORT));
            unit.put(prefix + "_protocol", "http");
        }
        unit.put("service_username", "masakari");
        unit.put("service_password", Lab.SERVICE_PASSWORD);
        unit.put("service_tenant", "services");
        unit.put("service_tenant_id", keystone.service().projectId());
        unit.put("service_domain", "Default");
        unit.put("api_version", "3");
        return RelationState.of("identity-service", 13, "keystone").withRemoteUnit("keystone/0", unit);
    }

    // --- processes

    private void stopLabMasakari() {
        // The lab's own stop: by recorded PID and start time, never a recycled PID.
        Process p = start(
                List.of(
                        "bash",
                        "-c",
                        "source '" + lab.dir().resolve("lib/common.sh")
                                + "'; stop_pid masakari-api; stop_pid masakari-engine"),
                null);
        assertEquals(0, waitFor(p, 60), "could not stop the lab's masakari");
    }

    private static Process run(Path dir, String name, String... argv) {
        return start(List.of(argv), dir.resolve(name + ".log"));
    }

    private static Process start(List<String> argv, Path logFile) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            if (logFile != null) {
                builder.redirectOutput(logFile.toFile());
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + argv.get(0) + " (run tests/lab/install): " + e.getMessage(), e);
        }
    }

    private static int waitFor(Process p, int seconds) {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                stop(p);
                throw new AssertionError("timed out after " + seconds + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> awaitApi(HttpClient http, String url, String token, Process api, Path dir) {
        return Poll.until(
                        Duration.ofSeconds(90),
                        Duration.ofMillis(500),
                        () -> {
                            assertTrue(
                                    api.isAlive(), "masakari-api with the charm's config exited: " + log(dir, "api"));
                            try {
                                return java.util.Optional.of(http.send(
                                        HttpRequest.newBuilder(URI.create(url))
                                                .header("X-Auth-Token", token)
                                                .timeout(Duration.ofSeconds(10))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString()));
                            } catch (IOException notYet) {
                                return java.util.Optional.<HttpResponse<String>>empty();
                            }
                        },
                        java.util.Optional::isPresent,
                        none -> "masakari-api did not answer in 90 s: " + log(dir, "api"))
                .orElseThrow();
    }

    private static String log(Path dir, String name) {
        try {
            String text = Files.readString(dir.resolve(name + ".log"));
            return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
