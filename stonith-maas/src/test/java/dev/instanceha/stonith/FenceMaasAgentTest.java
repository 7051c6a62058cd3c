package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.simulators.maas.FailureMode;
import dev.instanceha.simulators.maas.MaasSimulator;
import dev.instanceha.simulators.maas.MachineSpec;
import dev.instanceha.simulators.maas.Operation;
import dev.instanceha.simulators.maas.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every action and error path of fence_maas, run in-process against the MAAS simulator. */
class FenceMaasAgentTest {
    static final String KEY = "Kc0nsumerXYZ:Tt0kenABCDEF:S3cretQWERTYUIOP";
    private final Map<String, String> env = new HashMap<>();
    private MaasSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private MaasSimulator start(MaasSimulator.Builder builder) throws Exception {
        sim = builder.apiKey(KEY).start();
        return sim;
    }

    private String stdin(String action, String plug, String... extra) {
        StringBuilder s = new StringBuilder("action=" + action + "\nurl=" + sim.url() + "\napi_key=" + KEY
                + "\npower_timeout=3\npoll_interval=0.1\nrequest_timeout=2\n");
        if (plug != null) {
            s.append("plug=").append(plug).append('\n');
        }
        for (String line : extra) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    private AgentRun agent(String action, String plug, String... extra) {
        return AgentRun.stdin(stdin(action, plug, extra), env, KEY);
    }

    private List<String> ops() {
        return sim.operations().stream().map(Operation::op).toList();
    }

    // ---- off ----

    @Test
    void offPowersOffAndConfirmsWithQueryPowerState() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").machine("compute-2"));
        AgentRun run = agent("off", "compute-1");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("Success: Powered OFF\n", run.out());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
        assertEquals(PowerState.ON, sim.powerState("compute-2"));
        assertEquals(List.of("list", "power_off", "query_power_state"), ops());
        assertTrue(sim.operations().stream().allMatch(Operation::authenticated));
    }

    @Test
    void offByFqdnLooksUpTheShortHostname() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        AgentRun run = agent("off", "COMPUTE-1.maas");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("compute-1", sim.operations("list").get(0).hostname());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
    }

    @Test
    void matchFqdnRefusesAMachineInAnotherDomain() throws Exception {
        start(MaasSimulator.builder().machine(MachineSpec.deployed("compute-1").withDomain("lab")));
        AgentRun run = agent("off", "compute-1.maas", "match_fqdn=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("has FQDN 'compute-1.lab'"), run.err());
        assertTrue(sim.operations("power_off").isEmpty());
        assertEquals(0, agent("off", "compute-1.maas").exit());
    }

    @Test
    void explicitHostnameMapWins() throws Exception {
        start(MaasSimulator.builder().machine("node-abc").machine("node-def"));
        AgentRun run =
                agent("off", "compute-2.cloud", "hostname_map=compute-1.cloud:node-abc;compute-2.cloud:node-def");
        assertEquals(0, run.exit(), run.toString());
        assertEquals(PowerState.OFF, sim.powerState("node-def"));
        assertEquals(PowerState.ON, sim.powerState("node-abc"));
    }

    @Test
    void offWaitsForTheDelayedPowerChange() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").powerDelay(Duration.ofMillis(1200)));
        AgentRun run = agent("off", "compute-1");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.took().toMillis() >= 1200, run.toString());
        assertTrue(sim.operations("query_power_state").size() >= 3, "polled: " + ops());
    }

    @Test
    void offFailsWhenTheMachineIsNotOffWithinThePowerTimeout() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").powerDelay(Duration.ofSeconds(5)));
        AgentRun run = agent("off", "compute-1", "power_timeout=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("did not confirm that compute-1 is off within 1.0 s"), run.err());
        assertTrue(run.err().contains("last: power state 'on'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMachineThatNeverReachesOffFails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.NEVER_OFF));
        AgentRun run = agent("off", "compute-1", "power_timeout=1.5");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.took().toMillis() >= 1500, run.toString());
        assertTrue(run.err().contains("did not confirm"), run.err());
        assertEquals(1, sim.operations("power_off").size());
        assertTrue(sim.operations("query_power_state").size() >= 5);
    }

    @Test
    void powerDriverErrorFails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.POWER_DRIVER_ERROR));
        AgentRun run = agent("off", "compute-1", "power_timeout=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("HTTP 503"), run.err());
        assertTrue(run.err().contains("Power driver error"), run.err());
        assertEquals(PowerState.ERROR, sim.powerState("compute-1"));
    }

    @Test
    void powerHookFailureIsAPowerDriverError() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").powerHook((h, t) -> {
            throw new IllegalStateException("netns vanished");
        }));
        AgentRun run = agent("off", "compute-1", "power_timeout=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("netns vanished"), run.err());
    }

    @Test
    void anUnknownPowerStateIsNotOff() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.UNKNOWN_STATE));
        AgentRun run = agent("off", "compute-1", "power_timeout=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("last: power state 'unknown'"), run.err());
    }

    @Test
    void aHangingMaasTimesOutAndFails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.HANG));
        AgentRun run = agent("off", "compute-1", "power_timeout=1", "request_timeout=0.5", "retries=1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("did not answer within 0.5 s"), run.err());
        assertTrue(run.took().toMillis() < 5000, run.toString());
    }

    @Test
    void wrongKeyIsRejectedWithoutLeakingIt() throws Exception {
        // Same consumer, another token: MAAS then names the (wrong) token in its answer.
        sim = MaasSimulator.builder()
                .apiKey("Kc0nsumerXYZ:otherToken1:otherSecret1")
                .machine("compute-1")
                .start();
        AgentRun run = agent("off", "compute-1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("HTTP 401"), run.err());
        assertTrue(run.err().contains("rejected the API key"), run.err());
        // The simulator echoes the token like MAAS does; the agent must have hidden it.
        assertTrue(run.err().contains("Invalid access token: ***"), run.err());
        assertEquals(PowerState.ON, sim.powerState("compute-1"));
        assertEquals(1, sim.operations().size(), "no retry after 401: " + ops());
    }

    @Test
    void unknownHostFails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        AgentRun run = agent("off", "compute-9.maas");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("no MAAS machine has hostname 'compute-9'"), run.err());
        assertTrue(sim.operations("power_off").isEmpty());
        assertEquals(1, agent("status", "compute-9").exit());
    }

    @Test
    void conflictIsReportedAndNotRetried() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.CONFLICT));
        AgentRun run = agent("off", "compute-1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("HTTP 409"), run.err());
        assertTrue(run.err().contains("wrong state"), run.err());
        assertEquals(1, sim.operations("power_off").size());
    }

    @Test
    void transient503IsRetried() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        sim.failNextRequests(2, 503);
        AgentRun run = agent("off", "compute-1", "retries=3");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("retry 2 of 3"), run.err());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
    }

    @Test
    void persistent503Fails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        sim.failNextRequests(3, 503);
        AgentRun run = agent("off", "compute-1", "retries=2");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("HTTP 503"), run.err());
        assertEquals(3, sim.operations().size());
        sim.close();
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.UNAVAILABLE));
        AgentRun unavailable = agent("off", "compute-1", "retries=1");
        assertEquals(1, unavailable.exit(), unavailable.toString());
        assertTrue(unavailable.err().contains("rack controller unavailable"), unavailable.err());
    }

    @Test
    void unreachableMaasFails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        String url = sim.url();
        sim.close();
        AgentRun run = AgentRun.stdin(stdin("off", "compute-1").replace(url, url), env, KEY);
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("cannot connect to MAAS") || run.err().contains("connection to MAAS"), run.err());
        assertEquals(1, AgentRun.stdin(stdin("monitor", null), env, KEY).exit());
    }

    // ---- on / reboot ----

    @Test
    void onPowersOnAndConfirms() throws Exception {
        start(MaasSimulator.builder()
                .machine(MachineSpec.deployed("compute-1")
                        .withInitialState(dev.instanceha.simulators.maas.PowerState.OFF)));
        AgentRun run = agent("on", "compute-1");
        assertEquals(0, run.exit(), run.toString());
        assertEquals(PowerState.ON, sim.powerState("compute-1"));
        assertEquals(List.of("list", "power_on", "query_power_state"), ops());
    }

    @Test
    void onOfAnUnallocatedMachineFailsWith409() throws Exception {
        start(MaasSimulator.builder()
                .machine(MachineSpec.deployed("compute-1").withOwner(null).withInitialState(PowerState.OFF)));
        AgentRun run = agent("on", "compute-1");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("hasn't been allocated"), run.err());
    }

    @Test
    void rebootIsVerifiedOffThenOn() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        AgentRun run = agent("reboot", "compute-1");
        assertEquals(0, run.exit(), run.toString());
        List<String> ops = ops();
        assertEquals(List.of("list", "power_off", "query_power_state", "power_on", "query_power_state"), ops);
        assertEquals(PowerState.ON, sim.powerState("compute-1"));
    }

    @Test
    void rebootSucceedsWhenOnlyTheOnHalfFails() throws Exception {
        start(MaasSimulator.builder().machine(MachineSpec.deployed("compute-1").withOwner(null)));
        AgentRun run = agent("reboot", "compute-1");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("is off but powering it on again failed"), run.err());
        assertEquals(PowerState.OFF, sim.powerState("compute-1"));
    }

    @Test
    void rebootFailsAndNeverPowersOnWhenOffIsNotConfirmed() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").failure("compute-1", FailureMode.NEVER_OFF));
        AgentRun run = agent("reboot", "compute-1", "power_timeout=0.8");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(sim.operations("power_on").isEmpty());
    }

    // ---- status / monitor / list ----

    @Test
    void statusExitCodes() throws Exception {
        start(MaasSimulator.builder()
                .machine("on-1")
                .machine(MachineSpec.deployed("off-1").withInitialState(PowerState.OFF))
                .machine("err-1")
                .failure("err-1", FailureMode.POWER_DRIVER_ERROR)
                .machine("unk-1")
                .failure("unk-1", FailureMode.UNKNOWN_STATE));
        AgentRun on = agent("status", "on-1");
        assertEquals(0, on.exit(), on.toString());
        assertEquals("Status: ON\n", on.out());
        AgentRun off = agent("status", "off-1");
        assertEquals(2, off.exit(), off.toString());
        assertEquals("Status: OFF\n", off.out());
        AgentRun error = agent("status", "err-1", "retries=0");
        assertEquals(1, error.exit(), error.toString());
        assertTrue(error.err().contains("HTTP 503"), error.err());
        AgentRun unknown = agent("status", "unk-1");
        assertEquals(1, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("'unknown'"), unknown.err());
        // Bad parameters must not look like "off" (2) to the fencer.
        assertEquals(
                1,
                AgentRun.stdin("action=status\nplug=on-1\napi_key=" + KEY + "\n", env, KEY)
                        .exit());
        assertTrue(sim.operations("power_off").isEmpty());
    }

    @Test
    void monitorChecksReachabilityAndTheKey() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        AgentRun run = agent("monitor", null);
        assertEquals(0, run.exit(), run.toString());
        assertEquals(List.of("version", "whoami"), ops());
        AgentRun wrongKey = AgentRun.stdin(stdin("monitor", null).replace(KEY, "a:b:c"), env, KEY);
        assertEquals(1, wrongKey.exit(), wrongKey.toString());
        assertTrue(wrongKey.err().contains("HTTP 401"), wrongKey.err());
    }

    @Test
    void listAndListStatus() throws Exception {
        start(MaasSimulator.builder()
                .machine("compute-1")
                .machine(MachineSpec.deployed("compute-2").withInitialState(PowerState.OFF)));
        AgentRun list = agent("list", null);
        assertEquals(0, list.exit(), list.toString());
        assertEquals("compute-1.maas,compute-1\ncompute-2.maas,compute-2\n", list.out());
        AgentRun status = agent("list-status", null, "hostname_map=node2:compute-2");
        assertEquals(0, status.exit(), status.toString());
        assertEquals("node2,compute-2,off\ncompute-1.maas,compute-1,on\ncompute-2.maas,compute-2,off\n", status.out());
        assertTrue(sim.operations("power_off").isEmpty());
    }

    // ---- metadata / validate-all / parameter sources ----

    @Test
    void metadataNeedsNothingElse() {
        AgentRun run = AgentRun.stdin("action=metadata\n", env, null);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("<?xml"));
        for (Param p : Params.ALL) {
            assertTrue(run.out().contains("<parameter name=\"" + p.name() + "\""), p.name());
        }
        assertEquals(
                run.out(),
                AgentRun.argv(new String[] {"-o", "metadata"}, env, null).out());
    }

    @Test
    void validateAllChecksParametersWithoutCallingMaas() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        assertEquals(0, agent("validate-all", null).exit());
        assertTrue(sim.operations().isEmpty());
        AgentRun badUrl = AgentRun.stdin("action=validate-all\nurl=ftp://x\napi_key=" + KEY + "\n", env, KEY);
        // fence-agents' agents exit 1 on invalid input; 2 would read as "off" to a status caller.
        assertEquals(1, badUrl.exit(), badUrl.toString());
        assertTrue(badUrl.err().contains("parameter url"), badUrl.err());
        AgentRun badKey =
                AgentRun.stdin("action=validate-all\nurl=" + sim.url() + "\napi_key=onlyonepart\n", env, "onlyonepart");
        assertEquals(1, badKey.exit(), badKey.toString());
        AgentRun noKey = AgentRun.stdin("action=validate-all\nurl=" + sim.url() + "\n", env, null);
        assertEquals(1, noKey.exit(), noKey.toString());
        assertTrue(noKey.err().contains("MAAS_API_KEY"), noKey.err());
        AgentRun badTimeout = AgentRun.stdin(stdin("validate-all", null, "power_timeout=soon"), env, KEY);
        assertEquals(1, badTimeout.exit());
        assertTrue(badTimeout.err().contains("parameter power_time-out"), badTimeout.err());
    }

    @Test
    void keyFromEnvironmentOrFile(@TempDir Path dir) throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        String noKey = stdin("status", "compute-1").replace("api_key=" + KEY + "\n", "");
        env.put(Params.API_KEY_ENV, KEY);
        assertEquals(0, AgentRun.stdin(noKey, env, KEY).exit());
        env.clear();
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n");
        AgentRun fromFile = AgentRun.stdin(noKey + "api_key_file=" + file + "\n", env, KEY);
        assertEquals(0, fromFile.exit(), fromFile.toString());
        AgentRun argv = AgentRun.argv(
                new String[] {
                    "-o",
                    "status",
                    "-n",
                    "compute-1",
                    "--url",
                    sim.url(),
                    "--api-key-file",
                    file.toString(),
                    "--retries=0"
                },
                env,
                KEY);
        assertEquals(0, argv.exit(), argv.toString());
        assertEquals("Status: ON\n", argv.out());
    }

    @Test
    void theKeyIsRefusedOnTheCommandLineWithoutEchoingIt() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        for (String[] args : List.of(
                new String[] {"--api-key=" + KEY, "-o", "status"},
                new String[] {"-o", "status", "--api_key", KEY},
                new String[] {"--apikey=" + KEY})) {
            AgentRun run = AgentRun.argv(args, env, KEY);
            assertEquals(1, run.exit(), run.toString());
            assertTrue(run.err().contains("not accepted on the command line"), run.err());
        }
        AgentRun unknown = AgentRun.argv(new String[] {"--password=" + KEY}, env, KEY);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("unknown option(s): --password"), unknown.err());
        assertTrue(sim.operations().isEmpty());
    }

    @Test
    void stdinProtocolDetails() throws Exception {
        start(MaasSimulator.builder().machine("compute-1").machine("compute-2"));
        // comments, blanks, quotes, '-' names, last occurrence wins, port alias, unknown names warned.
        String input = "# pacemaker-fenced\n\naction=status\nplug=compute-2\nplug=\"compute-1\"\nnodename=compute-1\n"
                + "url=" + sim.url() + "\napi-key=" + KEY + "\npower-timeout=2\nflavour=vanilla\n";
        AgentRun run = AgentRun.stdin(input, env, KEY);
        assertEquals(0, run.exit(), run.toString());
        assertEquals("compute-1", sim.operations("list").get(0).hostname());
        assertTrue(run.err().contains("ignoring unknown parameter 'flavour'"), run.err());
        assertFalse(run.err().contains("vanilla"));
        AgentRun viaPort = AgentRun.stdin(input.replace("plug=", "port="), env, KEY);
        assertEquals(0, viaPort.exit(), viaPort.toString());
        AgentRun badAction = AgentRun.stdin(input.replace("action=status", "action=explode"), env, KEY);
        assertEquals(1, badAction.exit());
        assertTrue(badAction.err().contains("unsupported action 'explode'"), badAction.err());
    }

    @Test
    void delayWaitsBeforeFencing() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        AgentRun run = agent("off", "compute-1", "delay=1");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.took().toMillis() >= 1000);
    }

    @Test
    void verboseLogsRequestsButNeverTheKey() throws Exception {
        start(MaasSimulator.builder().machine("compute-1"));
        AgentRun run = agent("off", "compute-1", "verbose=1");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("POST " + sim.url() + "/api/2.0/machines/"), run.err());
        assertTrue(run.err().contains("op=power_off"), run.err());
    }
}
