package dev.instanceha.stonith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.simulators.maas.FailureMode;
import dev.instanceha.simulators.maas.MaasSimulator;
import dev.instanceha.simulators.maas.MachineSpec;
import dev.instanceha.simulators.maas.Operation;
import dev.instanceha.simulators.maas.PowerState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What fence-agents' agents share and fence_maas follows: actions and aliases, -h/-V, exit 1 on
 * invalid input, the common timing parameters (each one doing what fence-agents documents), and
 * stderr that pacemaker does not misread as a timer expiry.
 */
class FenceAgentsConventionsTest {
    private static final String KEY = FenceMaasAgentTest.KEY;
    private MaasSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String stdin(String action, String plug, String... extra) {
        StringBuilder s = new StringBuilder(
                "action=" + action + "\nurl=" + (sim == null ? "http://127.0.0.1:9/MAAS" : sim.url()) + "\napi_key="
                        + KEY + "\npower_timeout=3\nstonith_status_sleep=0.1\nshell_timeout=2\nretries=0\n");
        if (plug != null) {
            s.append("plug=").append(plug).append('\n');
        }
        for (String line : extra) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    private AgentRun agent(String action, String plug, String... extra) {
        return AgentRun.stdin(stdin(action, plug, extra), Map.of(), KEY);
    }

    private static void assertNoTimerWords(AgentRun run) {
        String err = run.err().toLowerCase(Locale.ROOT);
        // pacemaker maps a failed agent's stderr containing either word to ETIME ("Timer expired").
        assertFalse(err.contains("timeout") || err.contains("timed out"), run.toString());
    }

    // ---- actions, help, version ----

    @Test
    void metaDataIsTheMetadataAlias() {
        AgentRun alias = AgentRun.stdin("action=meta-data\n", Map.of(), null);
        assertEquals(0, alias.exit(), alias.toString());
        assertEquals(Metadata.xml(), alias.out());
        assertTrue(alias.out().contains("<action name=\"manpage\" />"), alias.out());
    }

    @Test
    void manpageDescribesEveryParameterWithoutMaas() {
        AgentRun man = AgentRun.argv(new String[] {"-o", "manpage"}, Map.of(), null);
        assertEquals(0, man.exit(), man.toString());
        assertTrue(man.out().startsWith(".TH FENCE_MAAS 8 "), man.out());
        for (Param p : Params.ALL) {
            assertTrue(
                    man.out().contains("stdin name: " + p.name() + "\n")
                            || man.out().contains("stdin name: " + p.name() + " (deprecated)"),
                    p.name());
        }
        assertTrue(man.out().contains(".SH EXIT STATUS"), man.out());
        assertEquals(
                man.out(), AgentRun.stdin("action=manpage\n", Map.of(), null).out());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        AgentRun version = AgentRun.argv(new String[] {"-V"}, Map.of(), null);
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().matches("\\d+\\.\\d+\\.\\d+\\S*\n"), version.out());
        assertEquals(
                version.out(),
                AgentRun.argv(new String[] {"--version"}, Map.of(), null).out());
        assertEquals(
                version.out(), AgentRun.stdin("version=1\n", Map.of(), null).out());
    }

    @Test
    void helpListsEveryCommandLineOption() {
        AgentRun help = AgentRun.argv(new String[] {"-h"}, Map.of(), null);
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().startsWith("Usage:\n"), help.out());
        for (String option : List.of(
                "-o, --action=[action]",
                "-n, --plug=[id]",
                "--power-wait=[seconds]",
                "--retry-on=[attempts]",
                "--stonith-status-sleep=[seconds]",
                "--login-timeout=[seconds]",
                "--shell-timeout=[seconds]",
                "--power-timeout=[seconds]",
                "--delay=[seconds]",
                "-V, --version",
                "-h, --help")) {
            assertTrue(help.out().contains("   " + option + " "), option + " in\n" + help.out());
        }
        assertEquals(
                help.out(),
                AgentRun.argv(new String[] {"--help"}, Map.of(), null).out());
        assertEquals(help.out(), AgentRun.stdin("help=1\n", Map.of(), null).out());
    }

    @Test
    void invalidInputExitsOneWithAUsageHint() throws Exception {
        sim = MaasSimulator.builder().apiKey(KEY).machine("compute-1").start();
        for (AgentRun run : List.of(
                AgentRun.argv(new String[] {"--bogus"}, Map.of(), null),
                agent("validate-all", null, "power_wait=-1"),
                agent("validate-all", null, "retry_on=many"),
                agent("off", "compute-1", "shell_timeout=0"))) {
            assertEquals(1, run.exit(), run.toString());
            assertTrue(run.err().contains("Please use '-h' for usage"), run.err());
        }
        assertEquals(
                0,
                agent("validate-all", null, "power_wait=2", "retry_on=2", "login_timeout=3")
                        .exit());
        assertTrue(sim.operations().isEmpty(), "validate-all and refused parameters never reach MAAS");
    }

    // ---- timing parameters ----

    @Test
    void powerWaitPausesBetweenThePowerCommandAndTheFirstQuery() throws Exception {
        sim = MaasSimulator.builder().apiKey(KEY).machine("compute-1").start();
        assertEquals(0, agent("off", "compute-1").exit());
        assertTrue(gapToFirstQuery("power_off").toMillis() < 900, "without power_wait the query follows at once");
        sim.setPowerState("compute-1", PowerState.ON);
        sim.clearOperations();
        AgentRun run = agent("off", "compute-1", "power_wait=1");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(gapToFirstQuery("power_off").toMillis() >= 950, "power_wait=1: " + sim.operations());
    }

    private Duration gapToFirstQuery(String powerOp) {
        Operation command = sim.operations(powerOp).get(0);
        Operation query = sim.operations("query_power_state").get(0);
        return Duration.between(command.at(), query.at());
    }

    @Test
    void stonithStatusSleepPacesThePowerStateQueries() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .powerDelay(Duration.ofMillis(1500))
                .start();
        AgentRun run = agent("off", "compute-1", "stonith_status_sleep=0.5");
        assertEquals(0, run.exit(), run.toString());
        List<Operation> queries = sim.operations("query_power_state");
        assertTrue(queries.size() >= 2 && queries.size() <= 5, queries.toString());
        for (int i = 1; i < queries.size(); i++) {
            assertTrue(
                    Duration.between(queries.get(i - 1).at(), queries.get(i).at())
                                    .toMillis()
                            >= 450,
                    queries.toString());
        }
        // The old name still works; both names with different values are refused.
        sim.setPowerState("compute-1", PowerState.ON);
        sim.clearOperations();
        AgentRun old = AgentRun.stdin(
                stdin("off", "compute-1").replace("stonith_status_sleep=0.1", "poll_interval=0.5"), Map.of(), KEY);
        assertEquals(0, old.exit(), old.toString());
        assertTrue(
                sim.operations("query_power_state").size() <= 5,
                sim.operations().toString());
        AgentRun both = agent("status", "compute-1", "poll_interval=0.3");
        assertEquals(1, both.exit(), both.toString());
        assertTrue(both.err().contains("stonith_status_sleep") && both.err().contains("poll_interval"), both.err());
    }

    @Test
    void retryOnRepeatsPowerOnThatIsNotConfirmed() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine(MachineSpec.deployed("compute-1").withInitialState(PowerState.OFF))
                .failure("compute-1", FailureMode.POWER_DRIVER_ERROR)
                .start();
        AgentRun twice = agent("on", "compute-1", "power_timeout=0.5", "retry_on=1");
        assertEquals(1, twice.exit(), twice.toString());
        assertEquals(2, sim.operations("power_on").size(), "on tries 1 + retry_on times: " + sim.operations());
        assertTrue(twice.err().contains("power_on attempt 2 of 2 (retry_on)"), twice.err());
        sim.clearOperations();
        AgentRun thrice = agent("on", "compute-1", "power_timeout=0.5", "retry_on=2");
        assertEquals(1, thrice.exit(), thrice.toString());
        assertEquals(3, sim.operations("power_on").size(), sim.operations().toString());
        sim.clearOperations();
        assertEquals(
                1, agent("on", "compute-1", "power_timeout=0.5", "retry_on=0").exit());
        assertEquals(1, sim.operations("power_on").size(), sim.operations().toString());
        // A healthy machine is powered on by the first attempt.
        sim.setFailure("compute-1", FailureMode.NONE);
        sim.setPowerState("compute-1", PowerState.OFF);
        sim.clearOperations();
        AgentRun healthy = agent("on", "compute-1", "retry_on=3");
        assertEquals(0, healthy.exit(), healthy.toString());
        assertEquals(1, sim.operations("power_on").size());
    }

    @Test
    void rebootTriesItsOnHalfRetryOnTimesAndStillReportsTheConfirmedOff() throws Exception {
        sim = MaasSimulator.builder().apiKey(KEY).machine("compute-1").start();
        // Off confirmed (the first query answered), then the BMC breaks: every power_on goes unconfirmed.
        Thread breaker = new Thread(() -> {
            try {
                while (sim.operations("query_power_state").isEmpty()) {
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                return;
            }
            sim.setFailure("compute-1", FailureMode.POWER_DRIVER_ERROR);
        });
        breaker.start();
        AgentRun run = agent("reboot", "compute-1", "power_timeout=0.6", "retry_on=2", "power_wait=0.3");
        breaker.join(5000);
        assertEquals(0, run.exit(), run.toString());
        assertEquals("Success: Rebooted\n", run.out());
        assertEquals(2, sim.operations("power_on").size(), sim.operations().toString());
    }

    @Test
    void shellTimeoutLimitsTheWaitForOneAnswer() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .failure("compute-1", FailureMode.HANG)
                .start();
        AgentRun run = agent("status", "compute-1", "shell_timeout=0.5");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("did not answer within 0.5 s"), run.err());
        assertTrue(run.took().toMillis() < 4000, run.toString());
        assertNoTimerWords(run);
        AgentRun oldName = AgentRun.stdin(
                stdin("status", "compute-1").replace("shell_timeout=2", "request_timeout=0.5"), Map.of(), KEY);
        assertEquals(1, oldName.exit(), oldName.toString());
        assertTrue(oldName.err().contains("did not answer within 0.5 s"), oldName.err());
    }

    @Test
    void loginTimeoutLimitsTheConnection() throws Exception {
        // A listener that never accepts, its accept queue filled: further connection attempts get
        // no answer at all, as from a MAAS host that is down or filtered.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> filler = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), 300);
                    } catch (IOException queueFull) {
                        // the queue is full: exactly the state wanted
                    }
                    filler.add(socket);
                }
                String url = "http://127.0.0.1:" + silent.getLocalPort() + "/MAAS";
                AgentRun run = AgentRun.stdin(
                        stdin("monitor", null).replaceFirst("url=[^\n]*", "url=" + url) + "login_timeout=0.7\n",
                        Map.of(),
                        KEY);
                assertEquals(1, run.exit(), run.toString());
                assertTrue(
                        run.err()
                                .contains("no connection to MAAS at 127.0.0.1:" + silent.getLocalPort()
                                        + " within 0.7 s (login_time-out)"),
                        run.err());
                assertTrue(run.took().toMillis() < 1900, "shell_timeout=2 must not apply to connecting: " + run);
                assertNoTimerWords(run);
            } finally {
                for (Socket socket : filler) {
                    socket.close();
                }
            }
        }
    }

    // ---- stderr and pacemaker's ETIME mapping ----

    @Test
    void noFailureReadsAsATimerExpiryToPacemaker() throws Exception {
        sim = MaasSimulator.builder()
                .apiKey(KEY)
                .machine("compute-1")
                .machine("stuck-1")
                .failure("stuck-1", FailureMode.NEVER_OFF)
                .start();
        for (String bad : List.of(
                "power_timeout=soon",
                "power_timeout=0",
                "login_timeout=-3",
                "shell_timeout=x",
                "request_timeout=1e9",
                "power_wait=later",
                "disable_timeout=1\npower_timeout=none")) {
            AgentRun run = agent("off", "compute-1", bad);
            assertEquals(1, run.exit(), bad + ": " + run);
            String name = bad.substring(bad.lastIndexOf('\n') + 1, bad.lastIndexOf('='));
            assertTrue(run.err().contains("parameter " + Diagnostics.pacemakerSafe(name) + ":"), run.err());
            assertNoTimerWords(run);
        }
        AgentRun notConfirmed = agent("off", "stuck-1", "power_timeout=0.5");
        assertEquals(1, notConfirmed.exit(), notConfirmed.toString());
        assertTrue(
                notConfirmed.err().contains("did not confirm that stuck-1 is off within 0.5 s (power_time-out"),
                notConfirmed.err());
        assertNoTimerWords(notConfirmed);
        assertEquals(PowerState.ON, sim.powerState("compute-1"), "no refused run powered anything");
    }
}
