package dev.instanceha.hostmonitor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON forms of a notification: the API request body, and the outbox record that wraps it with its id. */
public final class NotificationJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** {@code {"notification": {"type", "hostname", "generated_time", "payload"}}} — the body upstream sends. */
    public byte[] requestBody(Notification n) {
        try {
            return mapper.writeValueAsBytes(body(n));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] outboxRecord(Notification n) {
        ObjectNode rec = mapper.createObjectNode();
        rec.put("id", n.id());
        rec.set("request", body(n));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(rec);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Notification fromOutboxRecord(byte[] bytes) throws IOException {
        JsonNode rec = mapper.readTree(bytes);
        JsonNode n = rec.path("request").path("notification");
        if (!rec.hasNonNull("id") || !n.isObject()) {
            throw new IOException("not an outbox record");
        }
        Map<String, String> payload = new LinkedHashMap<>();
        n.path("payload")
                .fields()
                .forEachRemaining(e -> payload.put(e.getKey(), e.getValue().asText()));
        return new Notification(
                rec.get("id").asText(),
                n.path("type").asText(),
                n.path("hostname").asText(),
                n.path("generated_time").asText(),
                payload);
    }

    private ObjectNode body(Notification n) {
        ObjectNode inner = mapper.createObjectNode();
        inner.put("type", n.type());
        inner.put("hostname", n.hostname());
        inner.put("generated_time", n.generatedTime());
        ObjectNode payload = inner.putObject("payload");
        n.payload().forEach(payload::put);
        ObjectNode outer = mapper.createObjectNode();
        outer.set("notification", inner);
        return outer;
    }
}
