package dev.instanceha.stonith;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * fence_maas entry point. With no arguments it reads the fence-agents stdin protocol (how
 * pacemaker-fenced calls it); with arguments it parses the equivalent long options.
 */
public final class FenceMaasMain {
    private FenceMaasMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && CdsWarmup.FLAG.equals(args[0])) {
            QuickExit.exit(CdsWarmup.run());
        }
        QuickExit.exit(run(args, System.in, System.out, System.err, System::getenv));
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Function<String, String> env) {
        Diagnostics diagnostics = new Diagnostics(err);
        try {
            return runChecked(args, in, out, env, diagnostics);
        } catch (RuntimeException | java.io.IOException e) {
            diagnostics.error("internal error: " + e);
            return ExitCodes.ERROR;
        } finally {
            out.flush();
        }
    }

    private static int runChecked(String[] args, InputStream in, PrintStream out, Function<String, String> env,
                                  Diagnostics diagnostics) throws java.io.IOException {
        Map<String, String> raw;
        if (args.length > 0) {
            try {
                raw = ArgvParameters.parse(args);
            } catch (ArgvParameters.UsageException e) {
                diagnostics.error(e.getMessage());
                return ExitCodes.ERROR;
            }
        } else {
            raw = StdinParameters.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), diagnostics);
        }
        ConfigReader reader = new ConfigReader(env, diagnostics);
        Action action;
        try {
            action = reader.action(raw);
        } catch (BadParameterException e) {
            diagnostics.error(e.getMessage());
            return ExitCodes.ERROR;
        }
        if (action == Action.METADATA) {
            out.print(Metadata.xml());
            return ExitCodes.OK;
        }
        AgentConfig config;
        HttpClient http;
        try {
            config = reader.read(raw);
            http = HttpClients.create(config);
        } catch (BadParameterException e) {
            diagnostics.error(e.getMessage());
            // A status answer of 2 means "off", so only validate-all may use EC_BAD_ARGS.
            return action == Action.VALIDATE_ALL ? ExitCodes.BAD_ARGS : ExitCodes.ERROR;
        }
        diagnostics.verbose(config.verbose());
        Clock clock = Clock.systemUTC();
        Retrier retrier = new Retrier(config.retries(), config.pollInterval(), diagnostics);
        MaasHttp maasHttp = new MaasHttp(http, config.apiRoot(), new OAuthSigner(config.apiKey(), clock), diagnostics);
        MaasClient client = new MaasClient(maasHttp, retrier, config.requestTimeout());
        MachineResolver resolver = new MachineResolver(client, config.hostMap(), config.matchFqdn());
        PowerController power = new PowerController(client, config.powerTimeout(), config.pollInterval(),
                config.requestTimeout(), clock, diagnostics);
        return new ActionRunner(config, client, resolver, power, retrier, out, diagnostics).run();
    }
}
