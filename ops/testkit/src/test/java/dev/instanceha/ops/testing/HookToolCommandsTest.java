package dev.instanceha.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.testing.jujuc.HookToolCommands;
import dev.instanceha.ops.testing.jujuc.HookToolCommands.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Juju's hook-tool semantics in {@link HookToolCommands}, over the contract runner's context:
 * exit codes and error texts, a departing unit, {@code --file -} and {@code state-get --strict}.
 */
class HookToolCommandsTest {
    private static final RelationState WEBSITE = RelationState.of("website", 5, "haproxy")
            .withRemoteUnit("haproxy/0", Map.of("k", "v0"))
            .withRemoteUnit("haproxy/1", Map.of("k", "v1"))
            .withRemoteAppData(Map.of("backends", "2"));
    private static final State UNIT = State.of("greeter/0")
            .withAddress("10.251.0.9")
            .withConfig(Map.of("port", 8080))
            .withRelation(WEBSITE)
            .withRelation(RelationState.of("peers", 1, "greeter"))
            .withUnitState(Map.of("installed", "true"));

    private final HookToolCommands tools = new HookToolCommands();
    private ObjectNode unit;
    private ContractHookContext context;

    private void in(State state, Event event) {
        unit = ContractRunner.unitJson(state);
        ContractRunner.beginHook(unit, event);
        context = new ContractHookContext(unit, event, Set.of("juju-info", "website", "peers"));
    }

    private Outcome run(String tool, String... args) {
        return tools.run(context, tool, List.of(args), null);
    }

    private Outcome runWithStdin(String stdin, String tool, String... args) {
        return tools.run(context, tool, List.of(args), stdin.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(int code, String stderr, Outcome outcome) {
        assertEquals(code, outcome.code(), outcome.toString());
        assertEquals("ERROR " + stderr + "\n", outcome.stderr());
        assertEquals("", outcome.stdout());
    }

    @Test
    void usageErrorsExit2WithJujusTexts() {
        in(UNIT, Event.updateStatus());
        assertError(
                2,
                "invalid status \"fine\", expected one of [maintenance blocked waiting active]",
                run("status-set", "fine", "all good"));
        assertError(
                2,
                "invalid value \"website:99\" for option -r: relation not found",
                run("relation-get", "-r", "website:99", "-", "haproxy/0"));
        assertError(2, "no relation id specified", run("relation-set", "k=v"));
        assertError(2, "no unit id specified", run("relation-get", "-r", "website:5", "-"));
        assertError(2, "option provided but not defined: --bogus", run("is-leader", "--bogus"));
        assertError(2, "option needs an argument: -r", run("relation-list", "-r"));
        assertError(2, "expected \"key=value\", got \"novalue\"", run("relation-set", "-r", "5", "novalue"));
        assertError(2, "duplicate key specified: \"k\"", run("state-set", "k=1", "k=2"));
        assertError(2, "expected one key", run("state-delete"));
        assertError(2, "unknown command \"frobnicate\"", run("frobnicate"));
    }

    @Test
    void runErrorsExit1WithJujusTexts() {
        in(UNIT, Event.updateStatus());
        assertError(1, "cannot write relation settings", run("relation-set", "-r", "website:5", "--app", "k=v"));
        assertError(1, "permission denied", run("relation-get", "-r", "website:5", "--app", "-", "greeter"));
        assertError(
                1,
                "setting application status: this unit is not the leader",
                run("status-set", "--application", "active"));
        assertError(1, "not running an action", run("action-get"));
        assertError(1, "not running an action", run("action-set", "k=v"));
        assertError(
                1,
                "cannot read settings for unit \"haproxy/7\" in relation \"website:5\": unit \"haproxy/7\":"
                        + " settings not found",
                run("relation-get", "-r", "website:5", "-", "haproxy/7"));
        assertError(1, "no network config found for binding \"nosuch\"", run("network-get", "nosuch"));
        assertError(
                1, "cannot write leadership settings: cannot write settings: not the leader", run("leader-set", "k=v"));
        // Nothing of the refused writes landed.
        assertEquals("{}", unit.path("relations").get(0).path("local_app").toString());
        assertEquals("unknown", unit.path("status").path("status").asText());
        assertEquals(
                List.of(
                        "relation-set",
                        "relation-get",
                        "status-set",
                        "action-get",
                        "action-set",
                        "relation-get",
                        "network-get",
                        "leader-set"),
                ContractRunner.ContractResult.callsOf(unit));
    }

    @Test
    void aDepartingUnitIsOutOfTheListButItsSettingsStayReadable() {
        in(UNIT, Event.relationDeparted(WEBSITE, "haproxy/1"));
        assertEquals("[\"haproxy/0\"]\n", run("relation-list", "--format=json").stdout());
        assertEquals(
                "{\"k\":\"v1\"}\n",
                run("relation-get", "--format=json", "-", "haproxy/1").stdout());
        // Without a unit argument relation-get reads JUJU_REMOTE_UNIT: the departing unit.
        assertEquals("v1\n", run("relation-get", "k").stdout());
        assertEquals("haproxy\n", run("relation-list", "--app").stdout());
        // Another relation's list is not touched by this hook's departure.
        in(UNIT, Event.updateStatus());
        assertEquals(
                "[\"haproxy/0\",\"haproxy/1\"]\n",
                run("relation-list", "-r", "website:5", "--format=json").stdout());
    }

    @Test
    void fileDashTakesJsonOnStdinAndAnEmptyValueDeletes() {
        in(UNIT, Event.configChanged());
        Outcome set = runWithStdin(
                "{\"hostname\": \"10.251.0.9\", \"port\": 8080, \"old\": null}",
                "relation-set",
                "-r",
                "website:5",
                "--file",
                "-",
                "extra=1");
        assertEquals(0, set.code(), set.stderr());
        assertEquals(
                "{\"egress-subnets\":\"10.251.0.9/32\",\"ingress-address\":\"10.251.0.9\","
                        + "\"private-address\":\"10.251.0.9\",\"hostname\":\"10.251.0.9\",\"port\":\"8080\",\"extra\":\"1\"}\n",
                run("relation-get", "-r", "website:5", "--format=json", "-", "greeter/0")
                        .stdout());
        assertEquals(
                0,
                runWithStdin("{\"port\": \"\"}", "relation-set", "-r", "website:5", "--file=-")
                        .code());
        assertEquals(
                "{\"hostname\":\"10.251.0.9\",\"extra\":\"1\"}",
                unit.path("relations").get(0).path("local_unit").toString());

        assertEquals(
                0,
                runWithStdin("{\"token\": \"s3cret\", \"installed\": \"\"}", "state-set", "--file", "-")
                        .code());
        assertEquals(
                "{\"token\":\"s3cret\"}\n", run("state-get", "--format=json").stdout());
        assertError(1, "invalid settings: expected a map", runWithStdin("[1, 2]", "state-set", "--file", "-"));
        assertError(1, "invalid settings: neither JSON nor YAML", runWithStdin("{a: [", "state-set", "--file", "-"));
        assertEquals(0, runWithStdin("mode: fast\n", "state-set", "--file", "-").code());
        assertEquals(
                "{\"token\":\"s3cret\",\"mode\":\"fast\"}", unit.path("state").toString());
    }

    @Test
    void stateGetStrictFailsOnAMissingKeyWhereThePlainFormPrintsNothing() {
        in(UNIT, Event.updateStatus());
        assertEquals("true\n", run("state-get", "--strict", "installed").stdout());
        assertError(1, "\"missing\" not found", run("state-get", "--strict", "missing"));
        Outcome plain = run("state-get", "missing");
        assertEquals(0, plain.code());
        assertEquals("", plain.stdout());
        assertEquals("null\n", run("state-get", "--format=json", "missing").stdout());
    }

    @Test
    void actionToolsWriteTheActionAndStatusTheHistory() {
        in(UNIT.withLeader(true), Event.action("greet", Map.of("name", "juju")));
        assertEquals("{\"name\":\"juju\"}\n", run("action-get", "--format=json").stdout());
        assertEquals("juju\n", run("action-get", "name").stdout());
        run("action-set", "message=hello");
        run("action-log", "working");
        run("action-fail");
        run("status-set", "maintenance", "--", "step 1");
        run("status-set", "active");
        run("status-set", "--application", "active", "ready");
        assertEquals(
                "{\"message\":\"\",\"status\":\"active\",\"status-data\":{}}\n",
                run("status-get", "--format=json").stdout());
        assertEquals(
                "{\"message\":\"ready\",\"status\":\"active\",\"status-data\":{}}\n",
                run("status-get", "--application", "--format=json").stdout());
        assertEquals("{\"name\":\"juju\"}", unit.path("action").path("params").toString());
        assertEquals(
                "{\"message\":\"hello\"}", unit.path("action").path("results").toString());
        assertEquals("[\"working\"]", unit.path("action").path("logs").toString());
        assertEquals(
                "action failed without reason given, check action for errors",
                unit.path("action").path("failed").asText());
        assertEquals(2, unit.path("status_history").size());
    }

    @Test
    void networkGetAnswersForAnIpv6UnitWithItsSubnetAndA128BitEgress() {
        in(UNIT.withAddress("fd00:10::21"), Event.updateStatus());
        String out = run("network-get", "website", "--format=json").stdout();
        assertTrue(out.contains("\"cidr\":\"fd00:10:0:0:0:0:0:0/64\""), out);
        assertTrue(out.contains("\"egress-subnets\":[\"fd00:10::21/128\"]"), out);
        assertEquals(
                "fd00:10::21\n",
                run("network-get", "website", "--ingress-address").stdout());
    }
}
