package dev.instanceha.simulators.maas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only control plane under {@code /_sim/} (not part of MAAS), so a lab running the simulator
 * as a separate process can read the operation record and change failure modes:
 * <pre>
 * GET    /_sim/operations                         recorded API requests (JSON)
 * DELETE /_sim/operations                         forget them
 * GET    /_sim/machines                           machines with power state and failure mode
 * POST   /_sim/machines/{hostname}?failure=never_off&amp;power_state=on
 * POST   /_sim/power-delay?seconds=5
 * POST   /_sim/fail-next?count=2&amp;status=503
 * </pre>
 */
final class ControlHandler implements HttpHandler {
    static final String ROOT = "/_sim/";

    private final MaasSimulator sim;

    ControlHandler(MaasSimulator sim) {
        this.sim = sim;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(ROOT.length());
            String method = exchange.getRequestMethod();
            Map<String, List<String>> query = Exchanges.query(exchange);
            try {
                if (path.equals("operations") && method.equals("GET")) {
                    Exchanges.json(
                            exchange,
                            200,
                            sim.operations().stream()
                                    .map(ControlHandler::operationJson)
                                    .toList());
                } else if (path.equals("operations") && method.equals("DELETE")) {
                    sim.clearOperations();
                    Exchanges.text(exchange, 200, "cleared\n");
                } else if (path.equals("machines") && method.equals("GET")) {
                    Exchanges.json(
                            exchange,
                            200,
                            sim.allMachines().stream()
                                    .map(ControlHandler::machineJson)
                                    .toList());
                } else if (path.startsWith("machines/") && method.equals("POST")) {
                    String hostname = path.substring("machines/".length());
                    String failure = Exchanges.first(query, "failure");
                    String state = Exchanges.first(query, "power_state");
                    if (failure != null) {
                        sim.setFailure(hostname, FailureMode.parse(failure));
                    }
                    if (state != null) {
                        sim.setPowerState(hostname, PowerState.parse(state));
                    }
                    Exchanges.json(
                            exchange, 200, machineJson(sim.machine(hostname).orElseThrow()));
                } else if (path.equals("power-delay") && method.equals("POST")) {
                    sim.setPowerDelay(Duration.ofMillis(
                            Math.round(Double.parseDouble(Exchanges.first(query, "seconds")) * 1000)));
                    Exchanges.text(
                            exchange, 200, "power delay " + sim.powerDelay().toMillis() + " ms\n");
                } else if (path.equals("fail-next") && method.equals("POST")) {
                    String status = Exchanges.first(query, "status");
                    sim.failNextRequests(
                            Integer.parseInt(Exchanges.first(query, "count")),
                            status == null ? 503 : Integer.parseInt(status));
                    Exchanges.text(exchange, 200, "ok\n");
                } else {
                    Exchanges.text(exchange, 404, "unknown control path " + path + "\n");
                }
            } catch (RuntimeException e) {
                Exchanges.text(exchange, 400, "bad control request: " + e.getMessage() + "\n");
            }
        }
    }

    private static Map<String, Object> operationJson(Operation o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", o.at().toString());
        json.put("method", o.method());
        json.put("path", o.path());
        json.put("op", o.op());
        json.put("hostname", o.hostname());
        json.put("status", o.status());
        json.put("authenticated", o.authenticated());
        return json;
    }

    private static Map<String, Object> machineJson(SimMachine m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hostname", m.spec().hostname());
        json.put("fqdn", m.spec().fqdn());
        json.put("system_id", m.spec().systemId());
        json.put("power_state", m.powerState().json());
        json.put("failure", m.failure().name().toLowerCase(java.util.Locale.ROOT));
        return json;
    }
}
