package dev.instanceha.stonith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Loads the classes a real fencing run needs, without contacting MAAS, so that
 * {@code fence_maas --build-cds-archive} can record them in a class-data-sharing archive: the
 * JVM then starts faster on every fencing call, and start-up time counts against fencing timeouts.
 */
final class CdsWarmup {
    static final String FLAG = "--cds-warmup";

    private CdsWarmup() {
    }

    static int run() {
        Diagnostics quiet = new Diagnostics(new PrintStream(new ByteArrayOutputStream()));
        try {
            Metadata.xml();
            AgentConfig config = new ConfigReader(name -> null, quiet).read(Map.of(Params.ACTION, "status",
                    Params.PLUG, "warmup.maas", Params.URL, "http://127.0.0.1:9/MAAS", Params.API_KEY, "warm:up:key",
                    Params.RETRIES, "0", Params.REQUEST_TIMEOUT, "1"));
            HttpClient http = HttpClients.create(config);
            MaasHttp.interpret(200, "[{\"system_id\":\"abc123\",\"hostname\":\"warmup\",\"fqdn\":\"warmup.maas\","
                    + "\"power_state\":\"on\",\"power_type\":\"ipmi\",\"domain\":{\"name\":\"maas\"}}]", "warm-up")
                    .forEach(node -> {
                        try {
                            MaasMachine.from(node);
                        } catch (MaasException ignored) {
                            // only loading classes
                        }
                    });
            MaasHttp maas = new MaasHttp(http, URI.create("http://127.0.0.1:9/MAAS/api/2.0/"),
                    new OAuthSigner(config.apiKey(), Clock.systemUTC()), quiet);
            try {
                // Port 9 (discard) on loopback is closed here: this exercises the request path and fails fast.
                maas.post("machines/abc123/?op=power_off", Map.of("stop_mode", "hard"), Duration.ofSeconds(1), "warm-up");
            } catch (MaasException expected) {
                quiet.redact(expected.getMessage());
            }
            return ExitCodes.OK;
        } catch (BadParameterException | MaasException e) {
            System.err.println("fence_maas: warm-up failed: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
