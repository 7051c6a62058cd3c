package dev.instanceha.simulators;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar simulators.jar <simulator> [options]}: the lab starts each API simulator this way.
 * Each simulator registers its own picocli subcommand in the list below.
 */
@Command(
        name = "simulators",
        mixinStandardHelpOptions = true,
        description = "API simulators for the instance-HA lab (only for tests).",
        subcommands = {
            // one line per simulator command class, e.g. NovaCommand.class
            dev.instanceha.simulators.maas.MaasCommand.class,
            dev.instanceha.simulators.nova.NovaCommand.class,
        })
public final class SimulatorsMain implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorsMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
