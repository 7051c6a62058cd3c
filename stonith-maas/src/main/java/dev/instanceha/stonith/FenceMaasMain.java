package dev.instanceha.stonith;

import dev.instanceha.ops.client.Retry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * fence_maas entry point. With no arguments it reads the fence-agents stdin protocol (how
 * pacemaker-fenced calls it); with arguments it parses the equivalent long options.
 */
public final class FenceMaasMain {
    private FenceMaasMain() {}

    public static void main(String[] args) {
        if (args.length == 1 && CdsWarmup.FLAG.equals(args[0])) {
            System.exit(CdsWarmup.run());
        }
        System.exit(run(args, System.in, System.out, System.err, environment()));
    }

    /** The process environment; one call site shared with the training run, so its class is archived too. */
    static Function<String, String> environment() {
        return System::getenv;
    }

    public static int run(
            String[] args, InputStream in, PrintStream out, PrintStream err, Function<String, String> env) {
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

    private static int runChecked(
            String[] args, InputStream in, PrintStream out, Function<String, String> env, Diagnostics diagnostics)
            throws java.io.IOException {
        Map<String, String> raw;
        if (args.length > 0) {
            try {
                raw = ArgvParameters.parse(args);
            } catch (ArgvParameters.UsageException e) {
                return usageError(diagnostics, e.getMessage());
            }
        } else {
            raw = StdinParameters.read(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), diagnostics);
        }
        // fence-agents' order: help, then metadata/manpage, then version; none needs anything else.
        if (ConfigReader.flagSet(raw, Params.HELP)) {
            out.print(Usage.text());
            return ExitCodes.OK;
        }
        ConfigReader reader = new ConfigReader(env, diagnostics);
        Action action;
        try {
            action = reader.action(raw);
        } catch (BadParameterException e) {
            return usageError(diagnostics, e.getMessage());
        }
        if (action == Action.METADATA) {
            out.print(Metadata.xml());
            return ExitCodes.OK;
        }
        if (action == Action.MANPAGE) {
            out.print(ManPage.troff());
            return ExitCodes.OK;
        }
        if (ConfigReader.flagSet(raw, Params.VERSION)) {
            out.println(AgentVersion.get());
            return ExitCodes.OK;
        }
        AgentConfig config;
        MaasConnector connector;
        try {
            config = reader.read(raw);
            connector = MaasConnector.create(config);
        } catch (BadParameterException e) {
            // Exit 1 for every action, validate-all included (2 would mean "off" to status).
            return usageError(diagnostics, e.getMessage());
        }
        diagnostics.verbose(config.verbose());
        Clock clock = Clock.systemUTC();
        Retry retry = Retry.times(config.retries()).withPause(config.statusSleep());
        MaasHttp maasHttp =
                new MaasHttp(connector, config.apiRoot(), new OAuthSigner(config.apiKey(), clock), diagnostics);
        MaasClient client = new MaasClient(maasHttp, retry, diagnostics, config.answerTimeout());
        MachineResolver resolver = new MachineResolver(client, config.hostMap(), config.matchFqdn());
        PowerController power = new PowerController(client, config, clock, diagnostics);
        return new ActionRunner(config, client, resolver, power, out, diagnostics).run();
    }

    private static int usageError(Diagnostics diagnostics, String message) {
        diagnostics.error(message);
        diagnostics.error("Please use '-h' for usage");
        return ExitCodes.ERROR;
    }
}
