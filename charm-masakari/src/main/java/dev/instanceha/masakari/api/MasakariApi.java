package dev.instanceha.masakari.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.client.ApiException;
import dev.instanceha.ops.client.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Masakari REST API (v1): segments, hosts, notifications. Failures are {@link ApiException}s. */
public final class MasakariApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "Masakari API";
    private final HttpClient http;
    private final String endpoint;
    private final String token;

    /** @param endpoint the catalog URL, e.g. {@code http://10.0.0.5:15868/v1/<project-id>} */
    public MasakariApi(HttpClient http, String endpoint, String token) {
        this.http = http;
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.token = token;
    }

    /** An HTTP client for Keystone and Masakari: the JDK's CAs plus, when given, the CA a relation handed us. */
    public static HttpClient httpClient(Optional<String> caPem) throws Tls.TlsException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15));
        if (caPem.isPresent()) {
            builder.sslContext(Tls.trustingPem(caPem.get()));
        }
        return builder.build();
    }

    public record Segment(String uuid, String name, String recoveryMethod, String serviceType, String description) {
        static Segment of(JsonNode node) {
            return new Segment(
                    node.path("uuid").asText(),
                    node.path("name").asText(),
                    node.path("recovery_method").asText(),
                    node.path("service_type").asText(),
                    node.path("description").asText(""));
        }
    }

    public record Host(String uuid, String name, String type, boolean reserved, boolean onMaintenance) {
        static Host of(JsonNode node) {
            return new Host(
                    node.path("uuid").asText(),
                    node.path("name").asText(),
                    node.path("type").asText(),
                    node.path("reserved").asBoolean(),
                    node.path("on_maintenance").asBoolean());
        }
    }

    public record Notification(String uuid, String type, String hostname, String status, String generatedTime) {
        static Notification of(JsonNode node) {
            return new Notification(
                    node.path("notification_uuid").asText(),
                    node.path("type").asText(),
                    node.path("source_host_uuid").asText(),
                    node.path("status").asText(),
                    node.path("generated_time").asText());
        }
    }

    /** What the operator named is not there: not an API failure, so it says only what is missing. */
    public static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message, null, false, false);
        }
    }

    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        call("GET", "/segments", null).path("segments").forEach(node -> out.add(Segment.of(node)));
        return out;
    }

    /** A segment by name or UUID; fails clearly when there is none. */
    public Segment segment(String nameOrUuid) {
        return segments().stream()
                .filter(s -> s.uuid().equals(nameOrUuid) || s.name().equals(nameOrUuid))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no segment named or with UUID '" + nameOrUuid + "'"));
    }

    public Segment createSegment(String name, String recoveryMethod, String serviceType, String description) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode segment = body.putObject("segment");
        segment.put("name", name);
        segment.put("recovery_method", recoveryMethod);
        segment.put("service_type", serviceType);
        if (!description.isEmpty()) {
            segment.put("description", description);
        }
        return Segment.of(call("POST", "/segments", body).path("segment"));
    }

    public List<Host> hosts(String segmentUuid) {
        List<Host> out = new ArrayList<>();
        call("GET", "/segments/" + segmentUuid + "/hosts", null).path("hosts").forEach(node -> out.add(Host.of(node)));
        return out;
    }

    public Host host(String segmentUuid, String name) {
        return hosts(segmentUuid).stream()
                .filter(h -> h.name().equals(name) || h.uuid().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("segment has no host '" + name + "'"));
    }

    public Host addHost(
            String segmentUuid,
            String name,
            String type,
            String controlAttributes,
            boolean reserved,
            boolean onMaintenance) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode host = body.putObject("host");
        host.put("name", name);
        host.put("type", type);
        host.put("control_attributes", controlAttributes);
        host.put("reserved", reserved);
        host.put("on_maintenance", onMaintenance);
        return Host.of(call("POST", "/segments/" + segmentUuid + "/hosts", body).path("host"));
    }

    public void removeHost(String segmentUuid, String hostUuid) {
        call("DELETE", "/segments/" + segmentUuid + "/hosts/" + hostUuid, null);
    }

    public Host setMaintenance(String segmentUuid, String hostUuid, boolean onMaintenance) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("host").put("on_maintenance", onMaintenance);
        return Host.of(call("PUT", "/segments/" + segmentUuid + "/hosts/" + hostUuid, body)
                .path("host"));
    }

    public List<Notification> notifications(int limit) {
        List<Notification> out = new ArrayList<>();
        String query = "?limit=" + limit + "&sort_key=" + URLEncoder.encode("generated_time", StandardCharsets.UTF_8)
                + "&sort_dir=desc";
        call("GET", "/notifications" + query, null).path("notifications").forEach(n -> out.add(Notification.of(n)));
        return out;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        URI uri = URI.create(endpoint + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("X-Auth-Token", token)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ApiException.unreachable(SERVICE, method, uri, e);
        } catch (InterruptedException e) {
            throw ApiException.interrupted(SERVICE, method, uri);
        }
        if (response.statusCode() >= 300) {
            throw ApiException.status(SERVICE, method, uri, response.statusCode(), response.body());
        }
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw ApiException.badAnswer(
                    SERVICE, method, uri, response.statusCode(), "with something that is not JSON");
        }
    }
}
