package dev.instanceha.simulators.maas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code /MAAS/api/2.0/}: version (anonymous), users whoami, machine listing by hostname,
 * machine read, and the power operations. Every request is recorded as an {@link Operation}.
 */
final class MaasApiHandler implements HttpHandler {
    static final String API_ROOT = "/MAAS/api/2.0/";

    private final MaasSimulator sim;

    MaasApiHandler(MaasSimulator sim) {
        this.sim = sim;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply = serve(exchange);
            sim.record(new Operation(
                    Instant.now(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    reply.op,
                    reply.hostname,
                    reply.status,
                    reply.authenticated));
            if (reply.body instanceof String text) {
                Exchanges.text(exchange, reply.status, text);
            } else {
                Exchanges.json(exchange, reply.status, reply.body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply serve(HttpExchange exchange) throws IOException, InterruptedException {
        String rest = exchange.getRequestURI().getPath().substring(API_ROOT.length());
        Map<String, List<String>> query = Exchanges.query(exchange);
        Map<String, List<String>> form =
                "POST".equals(exchange.getRequestMethod()) ? Exchanges.form(exchange) : Map.of();
        String op = Optional.ofNullable(Exchanges.first(query, "op")).orElse(Exchanges.first(form, "op"));
        String[] parts = rest.split("/");

        if (rest.equals("version/")) {
            return new Reply(
                    "version",
                    null,
                    200,
                    false,
                    Map.of(
                            "version",
                            "3.4.0",
                            "subversion",
                            "simulated",
                            "capabilities",
                            List.of("networks-management", "static-ipaddresses", "devices-management")));
        }
        String rejection = sim.oauth().reject(exchange.getRequestHeaders().getFirst("Authorization"));
        if (rejection != null) {
            return new Reply(
                    op == null ? "unauthenticated" : op, null, 401, false, "Authorization Error: " + rejection);
        }
        int transientStatus = sim.takeTransientFailure();
        if (transientStatus != 0) {
            return new Reply(
                    op == null ? "transient" : op,
                    null,
                    transientStatus,
                    true,
                    "Simulated transient failure (HTTP " + transientStatus + ")");
        }
        if (rest.equals("users/") && "whoami".equals(op)) {
            return new Reply("whoami", null, 200, true, Map.of("username", "admin", "is_superuser", true));
        }
        if (rest.equals("machines/") && "GET".equals(exchange.getRequestMethod()) && op == null) {
            return list(query);
        }
        if (parts.length == 2 && parts[0].equals("machines") && rest.endsWith("/")) {
            Optional<SimMachine> machine = sim.machineBySystemId(parts[1]);
            if (machine.isEmpty()) {
                return new Reply(op == null ? "read" : op, null, 404, true, "No Machine matches the given query.");
            }
            return machineOp(exchange.getRequestMethod(), op, machine.get());
        }
        return new Reply(
                op,
                null,
                404,
                true,
                "Unknown API path: " + exchange.getRequestURI().getPath());
    }

    private Reply list(Map<String, List<String>> query) {
        List<String> wanted = query.getOrDefault("hostname", List.of());
        List<Object> found = sim.allMachines().stream()
                .filter(m -> wanted.isEmpty() || wanted.contains(m.spec().hostname()))
                .map(m -> (Object) machineJson(m))
                .toList();
        return new Reply("list", wanted.size() == 1 ? wanted.get(0) : null, 200, true, found);
    }

    private Reply machineOp(String method, String op, SimMachine machine) throws InterruptedException {
        String host = machine.spec().hostname();
        FailureMode mode = machine.failure();
        if (mode == FailureMode.UNAVAILABLE) {
            return new Reply(
                    op == null ? "read" : op, host, 503, true, "Unable to reach the rack controller for " + host);
        }
        if (mode == FailureMode.HANG && op != null) {
            sim.hang();
            return new Reply(op, host, 504, true, "Timed out");
        }
        if (op == null && "GET".equals(method)) {
            return new Reply("read", host, 200, true, machineJson(machine));
        }
        if ("query_power_state".equals(op) && "GET".equals(method)) {
            return queryPowerState(machine);
        }
        if ("power_off".equals(op) && "POST".equals(method)) {
            return power(machine, PowerState.OFF, op);
        }
        if ("power_on".equals(op) && "POST".equals(method)) {
            if (machine.spec().owner() == null) {
                return new Reply(op, host, 409, true, "Can't start node: it hasn't been allocated.");
            }
            return power(machine, PowerState.ON, op);
        }
        return new Reply(op, host, 400, true, "Unrecognised signature: method=" + method + " op=" + op);
    }

    private Reply power(SimMachine machine, PowerState target, String op) {
        String host = machine.spec().hostname();
        if (machine.failure() == FailureMode.CONFLICT) {
            return new Reply(op, host, 409, true, "Node " + host + " is in the wrong state for " + op + ".");
        }
        sim.powerAction(machine, target);
        return new Reply(op, host, 200, true, machineJson(machine));
    }

    private Reply queryPowerState(SimMachine machine) {
        String host = machine.spec().hostname();
        FailureMode mode = machine.failure();
        if (mode == FailureMode.POWER_DRIVER_ERROR || machine.powerState() == PowerState.ERROR) {
            machine.powerState(PowerState.ERROR);
            String detail =
                    machine.lastError() != null ? machine.lastError() : "Power driver error: simulated BMC failure";
            return new Reply("query_power_state", host, 503, true, "Failed to query node's BMC - " + detail);
        }
        PowerState state = mode == FailureMode.UNKNOWN_STATE ? PowerState.UNKNOWN : machine.powerState();
        return new Reply("query_power_state", host, 200, true, Map.of("state", state.json()));
    }

    private static Map<String, Object> machineJson(SimMachine machine) {
        MachineSpec spec = machine.spec();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system_id", spec.systemId());
        json.put("hostname", spec.hostname());
        json.put("fqdn", spec.fqdn());
        json.put("domain", Map.of("name", spec.domain(), "id", 0));
        json.put("power_state", machine.powerState().json());
        json.put("power_type", spec.powerType());
        json.put("status", spec.owner() == null ? 4 : 6);
        json.put("status_name", spec.owner() == null ? "Ready" : "Deployed");
        json.put("owner", spec.owner());
        json.put("resource_uri", API_ROOT + "machines/" + spec.systemId() + "/");
        return json;
    }

    private record Reply(String op, String hostname, int status, boolean authenticated, Object body) {}
}
