package dev.instanceha.hostmonitor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keystone v3 + Masakari notifications on 127.0.0.1, with the behaviour the client depends on:
 * X-Subject-Token + catalog, 401 for unknown/revoked tokens, 202 on create, 409 for a notification
 * with the same host, type, payload and generated_time (masakari's duplicate check), 503 on demand.
 */
final class FakeOpenStack implements AutoCloseable {

    static final String PROJECT_ID = "0f1e2d3c";

    private final ObjectMapper mapper = new ObjectMapper();
    private final int port;
    private HttpServer server;

    final AtomicInteger authRequests = new AtomicInteger();
    final AtomicInteger notificationPosts = new AtomicInteger();
    final List<JsonNode> authBodies = new ArrayList<>();
    final List<JsonNode> accepted = new ArrayList<>();
    final List<String> acceptedPaths = new ArrayList<>();
    private final Set<String> validTokens = new HashSet<>();
    private final Set<String> seenKeys = new HashSet<>();
    volatile int failNextPosts;
    volatile int answerStatus; // 0 = behave normally

    FakeOpenStack() throws IOException {
        server = start(0);
        port = server.getAddress().getPort();
    }

    String authUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void revokeAllTokens() {
        validTokens.clear();
    }

    /** The whole control plane goes away (connection refused) ... */
    void stop() {
        server.stop(0);
    }

    /** ... and comes back on the same port. */
    void restart() throws IOException {
        server = start(port);
    }

    synchronized int acceptedCount() {
        return accepted.size();
    }

    private HttpServer start(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 0);
        s.createContext("/v3/auth/tokens", this::auth);
        s.createContext("/v1/", this::notifications);
        s.createContext("/internal/v1/", this::notifications);
        s.start();
        return s;
    }

    private void auth(HttpExchange ex) throws IOException {
        JsonNode body = mapper.readTree(ex.getRequestBody().readAllBytes());
        String token;
        synchronized (this) {
            authBodies.add(body);
            token = "tok-" + authRequests.incrementAndGet();
            validTokens.add(token);
        }
        String base = "http://127.0.0.1:" + port;
        String json = "{\"token\":{\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\",\"catalog\":["
                + "{\"type\":\"identity\",\"name\":\"keystone\",\"endpoints\":[{\"interface\":\"public\",\"region_id\":\"RegionOne\",\"url\":\""
                + base + "/v3\"}]},"
                + "{\"type\":\"instance-ha\",\"name\":\"masakari\",\"endpoints\":["
                + "{\"interface\":\"public\",\"region_id\":\"RegionOne\",\"region\":\"RegionOne\",\"url\":\"" + base
                + "/v1/" + PROJECT_ID + "\"},"
                + "{\"interface\":\"internal\",\"region_id\":\"RegionOne\",\"region\":\"RegionOne\",\"url\":\"" + base
                + "/internal/v1/" + PROJECT_ID + "\"},"
                + "{\"interface\":\"public\",\"region_id\":\"RegionTwo\",\"region\":\"RegionTwo\",\"url\":\"http://127.0.0.1:1/v1/x\"}]}]}}";
        ex.getResponseHeaders().add("X-Subject-Token", token);
        reply(ex, 201, json);
    }

    private void notifications(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        notificationPosts.incrementAndGet();
        if (!"POST".equals(ex.getRequestMethod())
                || !ex.getRequestURI().getPath().endsWith("/" + PROJECT_ID + "/notifications")) {
            reply(ex, 404, "{}");
            return;
        }
        synchronized (this) {
            if (!validTokens.contains(ex.getRequestHeaders().getFirst("X-Auth-Token"))) {
                reply(ex, 401, "{\"error\":{\"code\":401}}");
                return;
            }
        }
        if (failNextPosts > 0) {
            failNextPosts--;
            reply(ex, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        if (answerStatus != 0) {
            reply(ex, answerStatus, "{\"error\":\"forced\"}");
            return;
        }
        JsonNode body = mapper.readTree(raw);
        JsonNode n = body.path("notification");
        String key = n.path("hostname").asText() + "|" + n.path("type").asText() + "|" + n.path("payload") + "|"
                + n.path("generated_time").asText();
        synchronized (this) {
            if (!seenKeys.add(key)) {
                reply(ex, 409, "{\"conflict\":{\"message\":\"duplicate notification\"}}");
                return;
            }
            accepted.add(body);
            acceptedPaths.add(ex.getRequestURI().getPath());
        }
        reply(ex, 202, "{\"notification\":{\"notification_uuid\":\"u-1\",\"status\":\"new\"}}");
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
