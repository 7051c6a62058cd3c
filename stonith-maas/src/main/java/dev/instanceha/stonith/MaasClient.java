package dev.instanceha.stonith;

import dev.instanceha.ops.client.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MAAS operations the agent needs, as typed calls. Idempotent requests are retried after a
 * transient failure (503, timeout, connection error), {@code retries} times with a fixed pause.
 */
public final class MaasClient {
    private final MaasHttp http;
    private final Retry retry;
    private final Diagnostics diagnostics;
    private final Duration requestTimeout;

    public MaasClient(MaasHttp http, Retry retry, Diagnostics diagnostics, Duration requestTimeout) {
        this.http = http;
        this.retry = retry;
        this.diagnostics = diagnostics;
        this.requestTimeout = requestTimeout;
    }

    /** Reachability: version/ answers without authentication. */
    public String version() throws MaasException {
        return Json.text(
                retried(() -> http.get("version/", requestTimeout, "reading the MAAS version")), "version", "?");
    }

    /** Proves the key works: whoami needs a valid signature. */
    public String whoami() throws MaasException {
        return Json.text(
                retried(() -> http.get("users/?op=whoami", requestTimeout, "checking the API key (whoami)")),
                "username",
                "?");
    }

    /** MAAS hostnames are short and unique; the filter matches the hostname field exactly. */
    public List<MaasMachine> machinesByHostname(String hostname) throws MaasException {
        String what = "looking up machine '" + hostname + "'";
        return machines(
                retried(() -> http.get("machines/?hostname=" + OAuthSigner.encode(hostname), requestTimeout, what)),
                what);
    }

    public List<MaasMachine> allMachines() throws MaasException {
        String what = "listing machines";
        return machines(retried(() -> http.get("machines/", requestTimeout, what)), what);
    }

    public void powerOff(MaasMachine machine) throws MaasException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("stop_mode", "hard");
        form.put("comment", "fenced by pacemaker (fence_maas)");
        power(machine, "power_off", form);
    }

    public void powerOn(MaasMachine machine) throws MaasException {
        power(machine, "power_on", Map.of("comment", "unfenced by pacemaker (fence_maas)"));
    }

    /** The power state, retried like the other reads (status, monitor). */
    public PowerState currentPowerState(MaasMachine machine) throws MaasException {
        return retried(() -> queryPowerState(machine, requestTimeout));
    }

    /** One BMC query, not retried: callers poll. */
    public PowerState queryPowerState(MaasMachine machine, Duration timeout) throws MaasException {
        Object answer = http.get(
                "machines/" + machine.systemId() + "/?op=query_power_state",
                timeout,
                "querying the power state of " + machine.hostname());
        return PowerState.parse(Json.text(answer, "state"));
    }

    private void power(MaasMachine machine, String op, Map<String, String> form) throws MaasException {
        String what = op + " of " + machine.hostname();
        Object answer =
                retried(() -> http.post("machines/" + machine.systemId() + "/?op=" + op, form, requestTimeout, what));
        // MAAS answers null when it sent no power action at all (e.g. power type "manual").
        if (answer == null) {
            throw new MaasException(
                    MaasException.Kind.POWER,
                    "MAAS sent no " + op + " to " + machine.hostname() + " (power type '" + machine.powerType()
                            + "' cannot be controlled)");
        }
    }

    private <T> T retried(Retry.Attempt<T, MaasException> request) throws MaasException {
        try {
            return retry.call(
                    MaasException.class,
                    request,
                    e -> e.kind().retryable(),
                    (e, retryNumber, retries, pause) ->
                            diagnostics.warn(e.getMessage() + "; retry " + retryNumber + " of " + retries));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaasException(MaasException.Kind.TIMEOUT, "interrupted");
        }
    }

    private static List<MaasMachine> machines(Object answer, String what) throws MaasException {
        if (!(answer instanceof List<?> array)) {
            throw new MaasException(MaasException.Kind.PROTOCOL, "MAAS did not answer " + what + " with a list");
        }
        List<MaasMachine> result = new ArrayList<>();
        for (Object node : array) {
            result.add(MaasMachine.from(node));
        }
        return result;
    }
}
