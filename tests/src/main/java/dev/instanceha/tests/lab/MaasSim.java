package dev.instanceha.tests.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The lab's MAAS simulator: URL and the API key it accepts. In the lab its power_off really takes the
 * namespace host down (tests/lab/host-power off) and power_on brings it back.
 */
public record MaasSim(String url, String apiKey) {
    static MaasSim lab(Lab lab) {
        Path key = lab.runDir().resolve(Lab.MAAS_KEY_FILE);
        try {
            return new MaasSim(
                    "http://" + Lab.HOST + ":" + Lab.MAAS_PORT + "/MAAS",
                    Files.readString(key).strip());
        } catch (IOException e) {
            throw new Lab.LabUnavailable("the MAAS simulator is not running (no " + key + ")");
        }
    }

    /** OAuth 1.0 PLAINTEXT header for a key {@code consumer:token:secret}, as MAAS clients send it. */
    public static String authorization(String apiKey) {
        String[] k = apiKey.split(":");
        if (k.length != 3) {
            throw new IllegalArgumentException("a MAAS API key is consumer:token:secret");
        }
        return "OAuth oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"" + k[0]
                + "\", oauth_token=\"" + k[1] + "\", oauth_signature=\"&" + k[2] + "\", oauth_nonce=\""
                + UUID.randomUUID() + "\", oauth_timestamp=\"" + (System.currentTimeMillis() / 1000) + "\"";
    }

    /** A call to /MAAS/api/2.0/&lt;path&gt; signed with {@code key}. */
    public Http.Response call(String method, String path, String key) {
        return Http.call(method, url + "/api/2.0/" + path, null, Map.of("Authorization", authorization(key)));
    }

    public String systemId(String hostname) {
        JsonNode list = call("GET", "machines/?hostname=" + hostname, apiKey)
                .expect(200)
                .json();
        if (list.size() != 1) {
            throw new AssertionError("MAAS simulator has " + list.size() + " machines named " + hostname + ": " + list);
        }
        return list.get(0).get("system_id").asText();
    }

    public Http.Response powerOff(String hostname) {
        return call("POST", "machines/" + systemId(hostname) + "/?op=power_off", apiKey);
    }

    public Http.Response powerOn(String hostname) {
        return call("POST", "machines/" + systemId(hostname) + "/?op=power_on", apiKey);
    }

    public String powerState(String hostname) {
        return call("GET", "machines/" + systemId(hostname) + "/?op=query_power_state", apiKey)
                .expect(200)
                .json()
                .get("state")
                .asText();
    }

    /** The simulator's test-only control plane (/_sim/...), next to /MAAS. */
    private Http.Response control(String method, String pathAndQuery) {
        return Http.call(method, url.replaceFirst("/MAAS$", "") + "/_sim/" + pathAndQuery, null, Map.of())
                .expect(200);
    }

    /** Makes a machine misbehave ({@code none}, {@code never_off}, {@code power_driver_error}, ...). */
    public void failure(String hostname, String mode) {
        control("POST", "machines/" + hostname + "?failure=" + mode);
    }

    /** Seconds the simulated BMC takes before a machine reaches its new power state. */
    public void powerDelay(double seconds) {
        control("POST", "power-delay?seconds=" + seconds);
    }

    /** The power operations ({@code power_off}, {@code power_on}) the simulator recorded for a host. */
    public java.util.List<String> powerOperations(String hostname) {
        java.util.List<String> ops = new java.util.ArrayList<>();
        for (JsonNode op : control("GET", "operations").json()) {
            String name = op.path("op").asText();
            if (hostname.equals(op.path("hostname").asText())
                    && (name.equals("power_off") || name.equals("power_on"))) {
                ops.add(name);
            }
        }
        return ops;
    }

    public void clearOperations() {
        control("DELETE", "operations");
    }
}
