package dev.instanceha.stonith;

import java.io.PrintStream;
import java.util.List;

/** Performs one fence action against MAAS and maps the outcome to the protocol's exit status. */
public final class ActionRunner {
    private final AgentConfig config;
    private final MaasClient client;
    private final MachineResolver resolver;
    private final PowerController power;
    private final PrintStream out;
    private final Diagnostics diagnostics;

    public ActionRunner(
            AgentConfig config,
            MaasClient client,
            MachineResolver resolver,
            PowerController power,
            PrintStream out,
            Diagnostics diagnostics) {
        this.config = config;
        this.client = client;
        this.resolver = resolver;
        this.power = power;
        this.out = out;
        this.diagnostics = diagnostics;
    }

    public int run() {
        try {
            return switch (config.action()) {
                case OFF -> off();
                case ON -> on();
                case REBOOT -> reboot();
                case STATUS -> status();
                case MONITOR -> monitor();
                case LIST -> list(false);
                case LIST_STATUS -> list(true);
                case VALIDATE_ALL, METADATA, MANPAGE -> ExitCodes.OK;
            };
        } catch (MaasException e) {
            diagnostics.error(config.action().wireName() + " failed: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private int off() throws MaasException {
        waitDelay();
        MaasMachine machine = resolver.resolve(config.plug());
        power.off(machine);
        out.println("Success: Powered OFF");
        return ExitCodes.OK;
    }

    private int on() throws MaasException {
        MaasMachine machine = resolver.resolve(config.plug());
        power.on(machine, 1 + config.retryOn());
        out.println("Success: Powered ON");
        return ExitCodes.OK;
    }

    /** Only the verified off half decides the result; a failed power_on afterwards is reported, not fatal. */
    private int reboot() throws MaasException {
        waitDelay();
        MaasMachine machine = resolver.resolve(config.plug());
        power.off(machine);
        try {
            // fence-agents tries the on half of a reboot retry_on times.
            power.on(machine, Math.max(1, config.retryOn()));
        } catch (MaasException e) {
            diagnostics.warn(
                    "machine " + machine.hostname() + " is off but powering it on again failed: " + e.getMessage());
        }
        out.println("Success: Rebooted");
        return ExitCodes.OK;
    }

    private int status() throws MaasException {
        MaasMachine machine = resolver.resolve(config.plug());
        PowerState state = client.currentPowerState(machine);
        switch (state) {
            case ON -> {
                out.println("Status: ON");
                return ExitCodes.OK;
            }
            case OFF -> {
                out.println("Status: OFF");
                return ExitCodes.STATUS_OFF;
            }
            default -> {
                diagnostics.error(
                        "status failed: MAAS reports power state '" + state.wire() + "' for " + machine.hostname());
                return ExitCodes.ERROR;
            }
        }
    }

    private int monitor() throws MaasException {
        String version = client.version();
        String user = client.whoami();
        diagnostics.debug("MAAS " + version + " reachable; API key belongs to " + user);
        return ExitCodes.OK;
    }

    /**
     * Lines of {@code fqdn,hostname[,state]}; pacemaker's dynamic host check accepts every token, so
     * both spellings of a node match. Mapped node names come first. States come from MAAS's cached
     * power_state (querying every BMC could take minutes).
     */
    private int list(boolean withStatus) throws MaasException {
        List<MaasMachine> machines = client.allMachines();
        config.hostMap()
                .entries()
                .forEach((node, machineName) -> machines.stream()
                        .filter(m -> m.hostname().equalsIgnoreCase(MachineResolver.shortName(machineName)))
                        .findFirst()
                        .ifPresent(m -> out.println(node + "," + m.hostname()
                                + (withStatus ? "," + m.powerState().wire() : ""))));
        for (MaasMachine m : machines) {
            out.println(m.fqdn() + "," + m.hostname()
                    + (withStatus ? "," + m.powerState().wire() : ""));
        }
        return ExitCodes.OK;
    }

    private void waitDelay() throws MaasException {
        if (!config.delay().isZero()) {
            diagnostics.debug(
                    "waiting " + config.delay().toMillis() / 1000.0 + " s (" + Params.DELAY + ") before fencing");
            Pause.sleep(config.delay());
        }
    }
}
