package dev.instanceha.tests.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.ops.client.KeystoneToken;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real masakari-api, reached through Keystone's catalog with a token. */
public final class Masakari {
    private final Keystone keystone;
    private final String directUrl;

    Masakari(Keystone keystone, String directUrl) {
        this.keystone = keystone;
        this.directUrl = directUrl;
    }

    /** http://127.0.0.1:15868 (no version, no project). */
    public String url() {
        return directUrl;
    }

    public Keystone keystone() {
        return keystone;
    }

    /** A client bound to an admin session, using the catalog's instance-ha endpoint. */
    public Client admin() {
        KeystoneToken s = keystone.admin();
        return new Client(s, Keystone.endpoint(s, "instance-ha", "public"));
    }

    /** masakari's API, v1, one session. */
    public static final class Client {
        private final KeystoneToken session;
        private final String endpoint;

        Client(KeystoneToken session, String endpoint) {
            this.session = session;
            this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        }

        public String endpoint() {
            return endpoint;
        }

        public Http.Response call(String method, String path, Object body) {
            return Http.call(method, endpoint + path, body, Keystone.authHeader(session));
        }

        public JsonNode createSegment(String name, String recoveryMethod) {
            return call(
                            "POST",
                            "/segments",
                            Map.of(
                                    "segment",
                                    Map.of("name", name, "recovery_method", recoveryMethod, "service_type", "COMPUTE")))
                    .expect(200, 201, 202)
                    .json()
                    .get("segment");
        }

        public Http.Response createHost(String segmentUuid, String name) {
            return call(
                    "POST",
                    "/segments/" + segmentUuid + "/hosts",
                    Map.of("host", Map.of("name", name, "type", "COMPUTE", "control_attributes", "SSH")));
        }

        /** Deletes every segment whose name starts with the prefix, hosts first (test cleanup). */
        public void deleteSegments(String prefix) {
            for (JsonNode seg :
                    call("GET", "/segments", null).expect(200).json().get("segments")) {
                if (!seg.get("name").asText().startsWith(prefix)) {
                    continue;
                }
                String id = seg.get("uuid").asText();
                for (JsonNode h : call("GET", "/segments/" + id + "/hosts", null)
                        .expect(200)
                        .json()
                        .get("hosts")) {
                    call("DELETE", "/segments/" + id + "/hosts/" + h.get("uuid").asText(), null)
                            .expect(204, 404);
                }
                call("DELETE", "/segments/" + id, null).expect(204, 404);
            }
        }

        /** The notifications Masakari holds about one host (its uuid), oldest first. */
        public java.util.List<JsonNode> notificationsOf(String hostUuid) {
            java.util.List<JsonNode> list = new java.util.ArrayList<>();
            call("GET", "/notifications?source_host_uuid=" + hostUuid + "&sort_key=created_at&sort_dir=asc", null)
                    .expect(200)
                    .json()
                    .get("notifications")
                    .forEach(list::add);
            return list;
        }

        /**
         * COMPUTE_HOST notifications with payload {@code event} about a host (its uuid) that Masakari
         * received at or after {@code since} (its timestamps have whole seconds, so one second earlier).
         */
        public java.util.List<JsonNode> events(String hostUuid, String event, Instant since) {
            Instant from = since.minusSeconds(1);
            return notificationsOf(hostUuid).stream()
                    .filter(n -> event.equals(n.at("/payload/event").asText()))
                    .filter(n -> !time(n.get("created_at").asText()).isBefore(from))
                    .toList();
        }

        /** Waits until at least {@code count} such notifications arrived; {@code context} is shown on failure. */
        public java.util.List<JsonNode> awaitEvents(
                String hostUuid,
                String event,
                Instant since,
                int count,
                Duration timeout,
                java.util.function.Supplier<String> context) {
            return Poll.until(
                    timeout,
                    Duration.ofMillis(500),
                    () -> events(hostUuid, event, since),
                    found -> found.size() >= count,
                    found -> "no " + event + " notification for host " + hostUuid + " within " + timeout.toSeconds()
                            + " s; " + context.get());
        }

        /** Puts a host in or out of maintenance (what an operator does once a failed host is repaired). */
        public void setOnMaintenance(String segmentUuid, String hostUuid, boolean onMaintenance) {
            call(
                            "PUT",
                            "/segments/" + segmentUuid + "/hosts/" + hostUuid,
                            Map.of("host", Map.of("on_maintenance", onMaintenance)))
                    .expect(200);
        }

        /** POSTs a COMPUTE_HOST notification (event STOPPED, host_status NORMAL) as the host monitor does. */
        public Http.Response notifyHostDown(String hostname) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "STOPPED");
            payload.put("host_status", "NORMAL");
            payload.put("cluster_status", "OFFLINE");
            String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            return call(
                    "POST",
                    "/notifications",
                    Map.of(
                            "notification",
                            Map.of(
                                    "type",
                                    "COMPUTE_HOST",
                                    "hostname",
                                    hostname,
                                    "generated_time",
                                    now,
                                    "payload",
                                    payload)));
        }

        /** Polls a notification until its status is final (finished, failed, ignored; error is retried by the engine) or time runs out. */
        public JsonNode awaitNotification(String uuid, Duration timeout) {
            return Poll.until(
                    timeout,
                    Duration.ofSeconds(1),
                    () -> call("GET", "/notifications/" + uuid, null)
                            .expect(200)
                            .json()
                            .get("notification"),
                    n -> java.util.Set.of("finished", "failed", "ignored")
                            .contains(n.get("status").asText()),
                    n -> "notification " + uuid + " not final after " + timeout.toSeconds() + " s: " + n);
        }
    }

    /** Masakari's timestamps are UTC without a zone ("2026-12-03T07:41:55.000000"). */
    public static Instant time(String text) {
        return java.time.LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
