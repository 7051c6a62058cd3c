package dev.instanceha.simulators.nova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compute API (microversion 2.53) as masakari-api and masakari-engine call it, plus the
 * {@code /_sim/} control endpoints a test uses to seed and inspect the inventory.
 * API calls need an {@code X-Auth-Token} header (the token itself is Keystone's business).
 */
final class NovaApiHandler implements HttpHandler {
    static final String MICROVERSION = "2.53";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Optional version prefix and optional project id segment before the resource path. */
    private static final Pattern PREFIX = Pattern.compile("^(/v2(?:\\.1)?)?(/[0-9a-f]{32})?(/.*)?$");

    private final NovaInventory inventory;
    private final String selfUrl;

    NovaApiHandler(NovaInventory inventory, String selfUrl) {
        this.inventory = inventory;
        this.selfUrl = selfUrl;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            try {
                if (path.startsWith("/_sim/") || path.equals("/_sim")) {
                    control(ex, path.substring("/_sim".length()));
                } else {
                    api(ex, path);
                }
            } catch (NovaInventory.NotFound e) {
                fault(ex, 404, "itemNotFound", e.getMessage());
            } catch (NovaInventory.BadRequest | IllegalArgumentException e) {
                fault(ex, 400, "badRequest", e.getMessage());
            } catch (NovaInventory.Conflict e) {
                fault(ex, 409, "conflictingRequest", e.getMessage());
            } catch (RuntimeException e) {
                fault(ex, 500, "computeFault", String.valueOf(e));
            }
        }
    }

    private void api(HttpExchange ex, String rawPath) throws IOException {
        Matcher m = PREFIX.matcher(rawPath);
        String path = m.matches() && m.group(3) != null ? m.group(3) : (m.matches() ? "/" : rawPath);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = ex.getRequestMethod();
        if (path.equals("/") && method.equals("GET")) {
            send(ex, 200, versions(m.matches() && m.group(1) != null));
            return;
        }
        String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
        if (token == null || token.isBlank()) {
            fault(ex, 401, "unauthorized", "The request you have made requires authentication.");
            return;
        }
        Map<String, String> q = query(ex);
        String[] seg = path.substring(1).split("/");
        switch (seg[0]) {
            case "os-services" -> services(ex, method, seg, q);
            case "servers" -> servers(ex, method, seg, q);
            case "os-hypervisors" -> hypervisors(ex, method, seg);
            case "os-aggregates" -> {
                if (method.equals("GET") && seg.length == 1) {
                    send(ex, 200, obj().set("aggregates", JSON.createArrayNode()));
                } else {
                    throw new NovaInventory.NotFound("aggregate " + (seg.length > 1 ? seg[1] : ""));
                }
            }
            default -> throw new NovaInventory.NotFound("resource " + path);
        }
    }

    private void services(HttpExchange ex, String method, String[] seg, Map<String, String> q) throws IOException {
        if (method.equals("GET") && seg.length == 1) {
            ArrayNode list = JSON.createArrayNode();
            for (NovaInventory.ComputeService s : inventory.services()) {
                if (q.containsKey("binary") && !"nova-compute".equals(q.get("binary"))) {
                    continue;
                }
                if (q.containsKey("host") && !s.host().equals(q.get("host"))) {
                    continue;
                }
                list.add(service(s));
            }
            send(ex, 200, obj().set("services", list));
        } else if (method.equals("PUT") && seg.length == 2) {
            JsonNode body = body(ex);
            NovaInventory.ComputeService s =
                    inventory.serviceById(seg[1]).orElseThrow(() -> new NovaInventory.NotFound("Service " + seg[1]));
            if (body.has("status")) {
                String status = body.get("status").asText();
                if (!status.equals("enabled") && !status.equals("disabled")) {
                    throw new IllegalArgumentException("Invalid status " + status);
                }
                String reason = body.hasNonNull("disabled_reason")
                        ? body.get("disabled_reason").asText()
                        : null;
                s = inventory.setServiceStatus(s.id(), status, reason);
            }
            if (body.has("forced_down")) {
                s = inventory.setServiceForcedDown(
                        s.id(), body.get("forced_down").asBoolean());
            }
            send(ex, 200, obj().set("service", service(s)));
        } else {
            throw new NovaInventory.NotFound("os-services action");
        }
    }

    private void servers(HttpExchange ex, String method, String[] seg, Map<String, String> q) throws IOException {
        if (method.equals("GET") && (seg.length == 1 || (seg.length == 2 && seg[1].equals("detail")))) {
            boolean detail = seg.length == 2;
            ArrayNode list = JSON.createArrayNode();
            for (NovaInventory.Server s : inventory.servers()) {
                if (q.containsKey("host") && !s.host().equals(q.get("host"))) {
                    continue;
                }
                list.add(detail ? server(s) : obj().put("id", s.id()).put("name", s.name()));
            }
            send(ex, 200, obj().set("servers", list));
        } else if (method.equals("GET") && seg.length == 2) {
            NovaInventory.Server s =
                    inventory.server(seg[1]).orElseThrow(() -> new NovaInventory.NotFound("Instance " + seg[1]));
            send(ex, 200, obj().set("server", server(s)));
        } else if (method.equals("POST") && seg.length == 3 && seg[2].equals("action")) {
            action(ex, seg[1], body(ex));
        } else {
            throw new NovaInventory.NotFound("servers action");
        }
    }

    private void action(HttpExchange ex, String id, JsonNode body) throws IOException {
        if (body.size() != 1) {
            throw new IllegalArgumentException("An action body has exactly one key");
        }
        String name = body.fieldNames().next();
        JsonNode args = body.get(name);
        switch (name) {
            case "evacuate" -> {
                String host = args != null && args.hasNonNull("host")
                        ? args.get("host").asText()
                        : null;
                inventory.evacuate(id, host);
                send(ex, 200, null);
            }
            case "os-resetState" -> {
                String state = args != null && args.hasNonNull("state")
                        ? args.get("state").asText()
                        : "error";
                if (!state.equals("active") && !state.equals("error")) {
                    throw new IllegalArgumentException("Invalid state " + state);
                }
                inventory.resetState(id, state);
                send(ex, 202, null);
            }
            case "lock" -> {
                inventory.setLocked(id, true);
                send(ex, 202, null);
            }
            case "unlock" -> {
                inventory.setLocked(id, false);
                send(ex, 202, null);
            }
            case "os-stop" -> {
                inventory.setPower(id, false);
                send(ex, 202, null);
            }
            case "os-start" -> {
                inventory.setPower(id, true);
                send(ex, 202, null);
            }
            default -> throw new IllegalArgumentException("Unsupported server action " + name);
        }
    }

    private void hypervisors(HttpExchange ex, String method, String[] seg) throws IOException {
        if (!method.equals("GET")) {
            throw new NovaInventory.NotFound("os-hypervisors action");
        }
        boolean detail = seg.length == 2 && seg[1].equals("detail");
        ArrayNode list = JSON.createArrayNode();
        for (NovaInventory.ComputeService s : inventory.services()) {
            if (seg.length == 2 && !detail && !s.id().equals(seg[1])) {
                continue;
            }
            ObjectNode h = obj().put("id", s.id())
                    .put("hypervisor_hostname", s.host())
                    .put("state", s.state())
                    .put("status", s.status());
            if (detail || seg.length == 2) {
                h.put("host_ip", "")
                        .put("hypervisor_type", "simulated")
                        .put("running_vms", inventory.serversOnHost(s.host()).size());
                h.set(
                        "service",
                        obj().put("host", s.host()).put("id", s.id()).put("disabled_reason", s.disabledReason()));
            }
            list.add(h);
        }
        if (seg.length == 2 && !detail) {
            if (list.isEmpty()) {
                throw new NovaInventory.NotFound("Hypervisor " + seg[1]);
            }
            send(ex, 200, obj().set("hypervisor", list.get(0)));
        } else {
            send(ex, 200, obj().set("hypervisors", list));
        }
    }

    // ---- control endpoints (no auth: 127.0.0.1 only, for tests and the lab scripts) ----

    private void control(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        String[] seg = path.replaceAll("^/+|/+$", "").split("/");
        String head = seg[0];
        if (head.equals("state") && method.equals("GET")) {
            send(ex, 200, state());
        } else if (head.equals("reset") && method.equals("POST")) {
            inventory.reset();
            send(ex, 200, state());
        } else if (head.equals("hosts") && seg.length == 1 && method.equals("POST")) {
            JsonNode body = body(ex);
            send(ex, 201, obj().set("service", service(inventory.addHost(required(body, "host")))));
        } else if (head.equals("hosts") && seg.length == 2 && method.equals("DELETE")) {
            if (!inventory.removeHost(seg[1])) {
                throw new NovaInventory.NotFound("compute host " + seg[1]);
            }
            send(ex, 204, null);
        } else if (head.equals("hosts")
                && seg.length == 3
                && seg[2].equals("state")
                && (method.equals("PUT") || method.equals("POST"))) {
            String state = required(body(ex), "state");
            if (!state.equals("up") && !state.equals("down")) {
                throw new IllegalArgumentException("state must be up or down");
            }
            send(ex, 200, obj().set("service", service(inventory.setServiceState(seg[1], state))));
        } else if (head.equals("servers") && seg.length == 1 && method.equals("POST")) {
            JsonNode body = body(ex);
            Map<String, String> metadata = new HashMap<>();
            if (body.has("metadata")) {
                body.get("metadata")
                        .fields()
                        .forEachRemaining(
                                e -> metadata.put(e.getKey(), e.getValue().asText()));
            }
            String name = body.hasNonNull("name")
                    ? body.get("name").asText()
                    : "vm-" + UUID.randomUUID().toString().substring(0, 8);
            String vmState = body.hasNonNull("vm_state") ? body.get("vm_state").asText() : null;
            send(
                    ex,
                    201,
                    obj().set("server", server(inventory.addServer(name, required(body, "host"), vmState, metadata))));
        } else if (head.equals("servers") && seg.length == 2 && method.equals("GET")) {
            send(
                    ex,
                    200,
                    obj().set(
                                    "server",
                                    server(inventory
                                            .server(seg[1])
                                            .orElseThrow(() -> new NovaInventory.NotFound("server " + seg[1])))));
        } else if (head.equals("servers") && seg.length == 3 && seg[2].equals("fault") && method.equals("PUT")) {
            JsonNode body = body(ex);
            JsonNode f = body.get("fault");
            inventory.injectFault(
                    seg[1],
                    f == null || f.isNull()
                            ? null
                            : NovaInventory.EvacuationFault.valueOf(f.asText().toUpperCase()));
            send(ex, 204, null);
        } else {
            throw new NovaInventory.NotFound("control endpoint " + method + " " + path);
        }
    }

    private ObjectNode state() {
        ObjectNode root = obj();
        ArrayNode services = root.putArray("services");
        inventory.services().forEach(s -> services.add(service(s)));
        ArrayNode servers = root.putArray("servers");
        inventory.servers().forEach(s -> servers.add(server(s)));
        ArrayNode actions = root.putArray("actions");
        inventory
                .actions()
                .forEach(a -> actions.add(obj().put("at", a.at().toString())
                        .put("kind", a.kind())
                        .put("target", a.target())
                        .put("detail", a.detail())));
        return root;
    }

    // ---- representations ----

    private ObjectNode versions(boolean single) {
        ObjectNode v = obj().put("id", "v2.1")
                .put("status", "CURRENT")
                .put("version", MICROVERSION)
                .put("min_version", "2.1")
                .put("updated", "2013-07-23T11:33:21Z");
        v.putArray("links").add(obj().put("rel", "self").put("href", selfUrl + "/v2.1/"));
        if (single) {
            return obj().set("version", v);
        }
        ObjectNode root = obj();
        root.putArray("versions").add(v);
        return root;
    }

    private static ObjectNode service(NovaInventory.ComputeService s) {
        return obj().put("id", s.id())
                .put("binary", "nova-compute")
                .put("host", s.host())
                .put("zone", "nova")
                .put("status", s.status())
                .put("state", s.state())
                .put("updated_at", s.updatedAt().toString())
                .put("disabled_reason", s.disabledReason())
                .put("forced_down", s.forcedDown());
    }

    private ObjectNode server(NovaInventory.Server s) {
        ObjectNode n = obj().put("id", s.id())
                .put("name", s.name())
                .put("status", s.status())
                .put("tenant_id", "lab")
                .put("user_id", "lab")
                .put("hostId", Integer.toHexString(s.host().hashCode()))
                .put("OS-EXT-SRV-ATTR:host", s.host())
                .put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host())
                .put("OS-EXT-SRV-ATTR:instance_name", "instance-" + s.id().substring(0, 8))
                .put("OS-EXT-STS:vm_state", s.vmState())
                .put("OS-EXT-STS:task_state", s.taskState())
                .put("OS-EXT-STS:power_state", s.powerState())
                .put("OS-EXT-AZ:availability_zone", "nova")
                .put("locked", s.locked());
        ObjectNode md = n.putObject("metadata");
        s.metadata().forEach(md::put);
        n.putObject("addresses");
        n.putObject("flavor")
                .put("original_name", "m1.sim")
                .put("vcpus", 1)
                .put("ram", 512)
                .put("disk", 1);
        n.putArray("links").add(obj().put("rel", "self").put("href", selfUrl + "/v2.1/servers/" + s.id()));
        return n;
    }

    // ---- plumbing ----

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static String required(JsonNode body, String key) {
        if (!body.hasNonNull(key) || body.get(key).asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return body.get(key).asText();
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        if (raw.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    private static void fault(HttpExchange ex, int code, String kind, String message) throws IOException {
        ObjectNode f = obj();
        f.putObject(kind).put("code", code).put("message", message);
        send(ex, code, f);
    }

    private static void send(HttpExchange ex, int code, JsonNode body) throws IOException {
        ex.getResponseHeaders().set("OpenStack-API-Version", "compute " + MICROVERSION);
        ex.getResponseHeaders().set("X-OpenStack-Nova-API-Version", MICROVERSION);
        ex.getResponseHeaders().set("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
        ex.getResponseHeaders().set("X-OpenStack-Request-Id", "req-" + UUID.randomUUID());
        if (body == null || code == 204) {
            ex.sendResponseHeaders(code, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> routes() {
        return List.of(
                "GET /os-services",
                "PUT /os-services/{id}",
                "GET /servers[/detail]",
                "GET /servers/{id}",
                "POST /servers/{id}/action",
                "GET /os-hypervisors[/detail]",
                "GET /os-aggregates");
    }
}
