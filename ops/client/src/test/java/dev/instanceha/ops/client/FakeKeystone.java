package dev.instanceha.ops.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keystone's v3 token call on 127.0.0.1: checks the password, answers a token, expiry and catalog. */
final class FakeKeystone implements AutoCloseable {
    static final String PASSWORD = "s3cret-Pa55";
    static final String PROJECT_ID = "9a8b7c";
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    final List<JsonNode> logins = new CopyOnWriteArrayList<>();
    volatile Instant expiresAt = Instant.parse("2030-01-01T00:00:00Z");

    FakeKeystone() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/identity/v3/auth/tokens", this::tokens);
        server.start();
    }

    String authUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/identity";
    }

    private void tokens(HttpExchange exchange) throws IOException {
        JsonNode body = mapper.readTree(exchange.getRequestBody().readAllBytes());
        logins.add(body);
        JsonNode user = body.at("/auth/identity/password/user");
        if (!PASSWORD.equals(user.path("password").asText())) {
            reply(
                    exchange,
                    401,
                    "{\"error\":{\"code\":401,\"title\":\"Unauthorized\","
                            + "\"message\":\"The request you have made requires authentication.\"}}");
            return;
        }
        String json = "{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"project\":{\"id\":\"" + PROJECT_ID + "\"},"
                + "\"catalog\":[{\"type\":\"instance-ha\",\"endpoints\":["
                + "{\"interface\":\"public\",\"region_id\":\"RegionOne\",\"url\":\"http://m1/v1/" + PROJECT_ID + "\"},"
                + "{\"interface\":\"internal\",\"region\":\"RegionOne\",\"url\":\"http://m1-int/v1/" + PROJECT_ID
                + "\"},"
                + "{\"interface\":\"public\",\"region_id\":\"RegionTwo\",\"url\":\"http://m2/v1/" + PROJECT_ID + "\"},"
                + "{\"interface\":\"admin\",\"region_id\":\"RegionTwo\",\"url\":\"http://m2-adm/v1/%(tenant_id)s\"}]}]}}";
        exchange.getResponseHeaders().add("X-Subject-Token", "tok-" + logins.size());
        reply(exchange, 201, json);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
