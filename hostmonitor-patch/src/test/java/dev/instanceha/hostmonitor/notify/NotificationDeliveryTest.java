package dev.instanceha.hostmonitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instanceha.hostmonitor.config.ApiSettings;
import dev.instanceha.ops.client.CachedToken;
import dev.instanceha.ops.client.KeystoneClient;
import dev.instanceha.ops.client.Retry;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keystone auth, Masakari POST, retries and the outbox against an in-test HTTP server on 127.0.0.1. */
class NotificationDeliveryTest {

    @TempDir
    Path dir;

    private FakeOpenStack openstack;
    private final List<Duration> pauses = new ArrayList<>();
    private final Retry.Sleeper recordingSleeper = pauses::add;
    private final NotificationJson json = new NotificationJson();

    @BeforeEach
    void start() throws Exception {
        openstack = new FakeOpenStack();
    }

    @AfterEach
    void stop() {
        openstack.close();
    }

    private ApiSettings settings(String iface) {
        return new ApiSettings(
                openstack.authUrl(),
                Optional.empty(),
                Optional.of("masakari-monitors"),
                "s3cret",
                Optional.empty(),
                Optional.of("Default"),
                Optional.empty(),
                Optional.of("services"),
                Optional.empty(),
                Optional.of("Default"),
                "RegionOne",
                iface,
                "v1",
                Optional.empty(),
                false,
                Duration.ofSeconds(5));
    }

    private RetryingDelivery delivery(String iface, int retryMax) throws Exception {
        ApiSettings s = settings(iface);
        HttpClient http = OpenStackAccess.httpClient(s);
        CachedToken tokens = new CachedToken(
                new KeystoneClient(http, s.timeout()), OpenStackAccess.credentials(s), Clock.systemUTC());
        return new RetryingDelivery(
                new MasakariClient(
                        tokens,
                        http,
                        json,
                        new MasakariClient.EndpointChoice(s.apiInterface(), s.region(), "v1"),
                        s.authUrl(),
                        s.timeout()),
                retryMax,
                Duration.ofSeconds(10),
                recordingSleeper);
    }

    private static Notification stopped(String host) {
        return Notification.stopped(host, Instant.parse("2026-11-24T10:00:05.123456Z"));
    }

    @Test
    void postsTheUpstreamBodyWithAPasswordScopedToken() throws Exception {
        assertEquals(Delivery.Outcome.DELIVERED, delivery("public", 0).deliver(stopped("compute-1.maas")));
        JsonNode body = openstack.accepted.get(0);
        JsonNode expected = new ObjectMapper()
                .readTree("{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"compute-1.maas\","
                        + "\"generated_time\":\"2026-11-24T10:00:05.123456\",\"payload\":{\"event\":\"STOPPED\","
                        + "\"cluster_status\":\"OFFLINE\",\"host_status\":\"NORMAL\"}}}");
        assertEquals(expected, body);
        JsonNode auth = openstack.authBodies.get(0).path("auth");
        assertEquals("password", auth.path("identity").path("methods").get(0).asText());
        assertEquals(
                "masakari-monitors",
                auth.path("identity").path("password").path("user").path("name").asText());
        assertEquals(
                "Default",
                auth.path("identity")
                        .path("password")
                        .path("user")
                        .path("domain")
                        .path("name")
                        .asText());
        assertEquals(
                "s3cret",
                auth.path("identity")
                        .path("password")
                        .path("user")
                        .path("password")
                        .asText());
        assertEquals("services", auth.path("scope").path("project").path("name").asText());
        assertEquals("/v1/" + FakeOpenStack.PROJECT_ID + "/notifications", openstack.acceptedPaths.get(0));
    }

    @Test
    void endpointInterfaceComesFromConfig() throws Exception {
        delivery("internal", 0).deliver(stopped("compute-1.maas"));
        assertEquals("/internal/v1/" + FakeOpenStack.PROJECT_ID + "/notifications", openstack.acceptedPaths.get(0));
    }

    @Test
    void tokenIsReusedAcrossNotifications() throws Exception {
        RetryingDelivery d = delivery("public", 0);
        d.deliver(stopped("compute-1.maas"));
        d.deliver(stopped("compute-2.maas"));
        d.deliver(Notification.started("compute-1.maas", Instant.parse("2026-11-24T10:05:00Z")));
        assertEquals(3, openstack.acceptedCount());
        assertEquals(1, openstack.authRequests.get());
    }

    @Test
    void unauthorizedMeansAuthenticateAgainAndResend() throws Exception {
        RetryingDelivery d = delivery("public", 0);
        d.deliver(stopped("compute-1.maas"));
        openstack.revokeAllTokens();
        assertEquals(Delivery.Outcome.DELIVERED, d.deliver(stopped("compute-2.maas")));
        assertEquals(2, openstack.authRequests.get());
        assertEquals(2, openstack.acceptedCount());
        assertTrue(pauses.isEmpty(), "a 401 is answered by re-authenticating at once, not by a retry pause");
    }

    @Test
    void conflictCountsAsDelivered() throws Exception {
        Outbox outbox = new Outbox(dir, json);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, delivery("public", 3), Duration.ofSeconds(30));
        openstack.answerStatus = 409;
        outbox.add(stopped("compute-1.maas"));
        assertEquals(1, dispatcher.drainOnce());
        assertTrue(outbox.pending().isEmpty());
        assertEquals(1, openstack.notificationPosts.get(), "409 must stop the retries");
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPauses() throws Exception {
        openstack.failNextPosts = 4;
        assertEquals(Delivery.Outcome.DELIVERED, delivery("public", 5).deliver(stopped("compute-1.maas")));
        assertEquals(
                List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80)),
                pauses);
        assertEquals(1, openstack.acceptedCount());
    }

    @Test
    void retryBudgetIsApiRetryMax() throws Exception {
        openstack.failNextPosts = 100;
        assertEquals(Delivery.Outcome.FAILED, delivery("public", 2).deliver(stopped("compute-1.maas")));
        assertEquals(3, openstack.notificationPosts.get(), "one try plus api_retry_max retries");
    }

    @Test
    void apiDownThenUpDeliversExactlyOnce() throws Exception {
        Outbox outbox = new Outbox(dir, json);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, delivery("public", 2), Duration.ofSeconds(30));
        openstack.stop();
        outbox.add(stopped("compute-1.maas"));
        assertEquals(0, dispatcher.drainOnce());
        assertEquals(0, dispatcher.drainOnce());
        assertEquals(1, outbox.pending().size(), "kept while the API is down");
        openstack.restart();
        assertEquals(1, dispatcher.drainOnce());
        assertEquals(0, dispatcher.drainOnce());
        assertEquals(1, openstack.acceptedCount());
        assertEquals(1, openstack.notificationPosts.get());
        assertTrue(outbox.pending().isEmpty());
    }

    @Test
    void pendingEntrySurvivesARestartAndIsDeliveredOnce() throws Exception {
        Outbox before = new Outbox(dir, json);
        before.add(stopped("compute-1.maas"));
        before.add(Notification.started("compute-1.maas", Instant.parse("2026-11-24T10:09:00Z")));
        // Daemon restarts: new objects over the same directory.
        Outbox after = new Outbox(dir, json);
        OutboxDispatcher dispatcher = new OutboxDispatcher(after, delivery("public", 0), Duration.ofSeconds(30));
        assertEquals(2, dispatcher.drainOnce());
        assertEquals(
                0,
                new OutboxDispatcher(new Outbox(dir, json), delivery("public", 0), Duration.ofSeconds(30)).drainOnce());
        assertEquals(2, openstack.acceptedCount());
        assertEquals(
                List.of("STOPPED", "STARTED"),
                openstack.accepted.stream()
                        .map(b -> b.path("notification")
                                .path("payload")
                                .path("event")
                                .asText())
                        .toList(),
                "outbox order kept");
    }

    @Test
    void crashAfterPostButBeforeCleanupIsResentAndMasakariAnswersConflict() throws Exception {
        Notification n = stopped("compute-1.maas");
        Outbox outbox = new Outbox(dir, json);
        outbox.add(n);
        delivery("public", 0).deliver(n); // delivered, then the daemon "dies" before removing the entry
        OutboxDispatcher afterRestart =
                new OutboxDispatcher(new Outbox(dir, json), delivery("public", 0), Duration.ofSeconds(30));
        assertEquals(1, afterRestart.drainOnce());
        assertEquals(1, openstack.acceptedCount(), "same generated_time and payload: masakari sees a duplicate");
        assertTrue(new Outbox(dir, json).pending().isEmpty());
    }

    @Test
    void unknownHostIsRejectedForGoodAndKeptAside() throws Exception {
        Outbox outbox = new Outbox(dir, json);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, delivery("public", 5), Duration.ofSeconds(30));
        openstack.answerStatus = 400;
        outbox.add(stopped("not-a-masakari-host"));
        outbox.add(stopped("compute-2.maas"));
        assertEquals(2, dispatcher.drainOnce(), "a refused entry does not block the queue");
        assertEquals(2, openstack.notificationPosts.get());
        assertTrue(outbox.pending().isEmpty());
        try (var files = Files.list(dir.resolve("rejected"))) {
            assertEquals(2, files.count());
        }
        assertTrue(pauses.isEmpty(), "a 400 is not retried");
    }
}
