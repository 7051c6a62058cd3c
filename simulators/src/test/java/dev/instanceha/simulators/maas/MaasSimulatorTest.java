package dev.instanceha.simulators.maas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaasSimulatorTest {
    private static final String KEY = "ckey:tkey:tsecret";
    private static final String GOOD = "OAuth oauth_version=\"1.0\", oauth_signature_method=\"PLAINTEXT\", "
            + "oauth_consumer_key=\"ckey\", oauth_token=\"tkey\", oauth_signature=\"%26tsecret\", "
            + "oauth_nonce=\"n1\", oauth_timestamp=\"1700000000\"";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private MaasSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + "/api/2.0/" + path));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String auth, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(sim.url() + "/api/2.0/" + path))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String systemId(String host) {
        return sim.machines().stream()
                .filter(m -> m.hostname().equals(host))
                .findFirst()
                .orElseThrow()
                .systemId();
    }

    @Test
    void listensOnTheAddressItIsGivenAndNamesItInItsUrl() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .bindAddress(InetAddress.getByName("127.0.0.2"))
                .start();
        assertTrue(sim.url().startsWith("http://127.0.0.2:"), sim.url());
        assertEquals(200, get("machines/", GOOD).statusCode());
    }

    @Test
    void refusesToListenBeyondLoopbackAndTheTestNetwork() throws Exception {
        for (String outside : List.of("192.168.1.10", "10.250.0.1", "0.0.0.0")) {
            InetAddress address = InetAddress.getByName(outside);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> MaasSimulator.builder().bindAddress(address));
            assertTrue(e.getMessage().contains(outside), e.getMessage());
        }
        MaasSimulator.builder().bindAddress(InetAddress.getByName("10.251.200.1"));
    }

    @Test
    void versionIsAnonymousButMachinesNeedTheKey() throws Exception {
        sim = MaasSimulator.builder().apiKey(KEY).machine("compute-1").start();
        assertEquals(200, get("version/", null).statusCode());
        assertEquals(401, get("machines/", null).statusCode());
        HttpResponse<String> wrongToken = get("machines/", GOOD.replace("tkey", "other"));
        assertEquals(401, wrongToken.statusCode());
        assertTrue(wrongToken.body().contains("Invalid access token: other"), wrongToken.body());
        assertEquals(
                401, get("machines/", GOOD.replace("%26tsecret", "%26wrong")).statusCode());
        assertEquals(
                401, get("machines/", GOOD.replace("PLAINTEXT", "HMAC-SHA1")).statusCode());
        assertEquals(
                401, get("machines/", GOOD.replace(", oauth_nonce=\"n1\"", "")).statusCode());
        assertEquals(200, get("machines/", GOOD).statusCode());
        // MAAS also accepts the signature unencoded.
        assertEquals(
                200, get("machines/", GOOD.replace("%26tsecret", "&tsecret")).statusCode());
        assertTrue(get("version/", null).headers().firstValue("X-MAAS-API-Hash").isPresent());
    }

    @Test
    void findsMachinesByShortHostnameOnly() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .machine("compute-2")
                .start();
        JsonNode one = json.readTree(get("machines/?hostname=compute-2", GOOD).body());
        assertEquals(1, one.size());
        assertEquals("compute-2.maas", one.get(0).get("fqdn").asText());
        assertEquals(systemId("compute-2"), one.get(0).get("system_id").asText());
        assertEquals(
                0,
                json.readTree(get("machines/?hostname=compute-2.maas", GOOD).body())
                        .size());
        assertEquals(2, json.readTree(get("machines/", GOOD).body()).size());
        assertEquals(
                2,
                json.readTree(get("machines/?hostname=compute-1&hostname=compute-2", GOOD)
                                .body())
                        .size());
        HttpResponse<String> missing = get("machines/xxxxxx/", GOOD);
        assertEquals(404, missing.statusCode());
        assertEquals("No Machine matches the given query.", missing.body());
    }

    @Test
    void powerOffAfterTheDelayRunsTheHookAndIsRecorded() throws Exception {
        List<String> hookCalls = new ArrayList<>();
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .powerDelay(Duration.ofMillis(400))
                .powerHook((host, target) -> hookCalls.add(host + ":" + target.json()))
                .start();
        String id = systemId("compute-1");
        assertEquals(
                200,
                post("machines/" + id + "/?op=power_off", GOOD, "stop_mode=hard")
                        .statusCode());
        assertEquals(
                "{\"state\":\"on\"}",
                get("machines/" + id + "/?op=query_power_state", GOOD).body());
        Thread.sleep(800);
        assertEquals(
                "{\"state\":\"off\"}",
                get("machines/" + id + "/?op=query_power_state", GOOD).body());
        assertEquals(List.of("compute-1:off"), hookCalls);
        assertEquals(1, sim.operations("power_off").size());
        assertEquals("compute-1", sim.operations("power_off").get(0).hostname());
        assertEquals(2, sim.operations("query_power_state").size());
        // op in the form body works too, and an unknown op is 400.
        assertEquals(200, post("machines/" + id + "/", GOOD, "op=power_on").statusCode());
        assertEquals(400, post("machines/" + id + "/?op=explode", GOOD, "").statusCode());
    }

    @Test
    void failedHookMeansPowerDriverError() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .powerHook((host, target) -> {
                    throw new IllegalStateException("link already gone");
                })
                .start();
        String id = systemId("compute-1");
        post("machines/" + id + "/?op=power_off", GOOD, "");
        HttpResponse<String> query = get("machines/" + id + "/?op=query_power_state", GOOD);
        assertEquals(503, query.statusCode());
        assertTrue(query.body().contains("link already gone"), query.body());
        assertEquals(PowerState.ERROR, sim.powerState("compute-1"));
    }

    @Test
    void shellHookGetsTheHostnameAsAnArgument(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log");
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .powerHook(new ShellPowerHook(
                        "echo \"$1 $2 $MAAS_HOSTNAME {hostname}-{target}\" >> " + log, Duration.ofSeconds(10)))
                .start();
        post("machines/" + systemId("compute-1") + "/?op=power_off", GOOD, "");
        assertEquals("compute-1 off compute-1 compute-1-off\n", Files.readString(log));
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
        sim.close();
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .powerHook(new ShellPowerHook("exit 3", Duration.ofSeconds(10)))
                .start();
        post("machines/" + systemId("compute-1") + "/?op=power_off", GOOD, "");
        assertEquals(PowerState.ERROR, sim.powerState("compute-1"));
    }

    @Test
    void onlyShortHostnamesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> MachineSpec.deployed("compute-1.maas"));
        assertThrows(IllegalArgumentException.class, () -> MachineSpec.deployed("x;reboot"));
    }

    @Test
    void failureModes() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("a")
                .machine("b")
                .machine("c")
                .machine("d")
                .machine(MachineSpec.deployed("e").withOwner(null))
                .failure("a", FailureMode.NEVER_OFF)
                .failure("b", FailureMode.CONFLICT)
                .failure("c", FailureMode.UNKNOWN_STATE)
                .failure("d", FailureMode.UNAVAILABLE)
                .start();
        assertEquals(
                200,
                post("machines/" + systemId("a") + "/?op=power_off", GOOD, "").statusCode());
        assertEquals(PowerState.ON, sim.powerState("a"));
        assertEquals(
                409,
                post("machines/" + systemId("b") + "/?op=power_off", GOOD, "").statusCode());
        assertEquals(
                "{\"state\":\"unknown\"}",
                get("machines/" + systemId("c") + "/?op=query_power_state", GOOD)
                        .body());
        assertEquals(
                503,
                get("machines/" + systemId("d") + "/?op=query_power_state", GOOD)
                        .statusCode());
        HttpResponse<String> notAllocated = post("machines/" + systemId("e") + "/?op=power_on", GOOD, "");
        assertEquals(409, notAllocated.statusCode());
        assertTrue(notAllocated.body().contains("hasn't been allocated"));
        sim.setFailure("a", FailureMode.NONE);
        post("machines/" + systemId("a") + "/?op=power_off", GOOD, "");
        assertEquals(PowerState.OFF, sim.powerState("a"));
        sim.failNextRequests(2, 503);
        assertEquals(503, get("machines/", GOOD).statusCode());
        assertEquals(503, get("machines/", GOOD).statusCode());
        assertEquals(200, get("machines/", GOOD).statusCode());
    }

    @Test
    void hangHoldsTheRequestUntilTheClientGivesUp() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("a")
                .failure("a", FailureMode.HANG)
                .start();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(sim.url() + "/api/2.0/machines/" + systemId("a") + "/?op=query_power_state"))
                .header("Authorization", GOOD)
                .timeout(Duration.ofMillis(500))
                .build();
        long start = System.nanoTime();
        assertThrows(
                java.net.http.HttpTimeoutException.class,
                () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        assertTrue(System.nanoTime() - start >= 450_000_000L);
    }

    @Test
    void controlEndpointsChangeStateAndExposeTheRecord() throws Exception {
        sim = MaasSimulator.builder().apiKey(KEY).machine("a").start();
        String control = "http://127.0.0.1:" + sim.port() + "/_sim/";
        HttpResponse<String> set = http.send(
                HttpRequest.newBuilder(URI.create(control + "machines/a?failure=never-off&power_state=off"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(PowerState.OFF, sim.powerState("a"));
        http.send(
                HttpRequest.newBuilder(URI.create(control + "power-delay?seconds=1.5"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(Duration.ofMillis(1500), sim.powerDelay());
        get("machines/?hostname=a", GOOD);
        JsonNode ops = json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(control + "operations"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals(1, ops.size());
        assertEquals("list", ops.get(0).get("op").asText());
        assertEquals("a", ops.get(0).get("hostname").asText());
        JsonNode machines = json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(control + "machines")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals("never_off", machines.get(0).get("failure").asText());
    }

    @Test
    void tlsWithTheGeneratedCa(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.generate(dir);
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("a")
                .tls(tls.serverContext())
                .start();
        assertTrue(sim.url().startsWith("https://127.0.0.1:"));
        HttpRequest version = HttpRequest.newBuilder(URI.create(sim.url() + "/api/2.0/version/"))
                .build();
        assertThrows(SSLHandshakeException.class, () -> http.send(version, HttpResponse.BodyHandlers.ofString()));
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(tls.caPem())) {
            trust.setCertificateEntry(
                    "ca",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpClient trusting = HttpClient.newBuilder().sslContext(ctx).build();
        assertEquals(
                200,
                trusting.send(version, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
