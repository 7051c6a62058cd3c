package dev.instanceha.ops.hooktools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every tool call: the exact arguments Juju expects, and how each answer is parsed. */
class ProcessHookToolsTest {
    /** Answers with a canned result and records what was run. */
    static final class Recorder implements ToolRunner {
        final List<String> calls = new ArrayList<>();
        final List<String> stdins = new ArrayList<>();
        ToolResult answer = new ToolResult(0, "", "");

        @Override
        public ToolResult run(String tool, List<String> args, byte[] stdin) {
            calls.add(tool + " " + String.join(" ", args));
            stdins.add(stdin == null ? null : new String(stdin, StandardCharsets.UTF_8));
            return answer;
        }

        Recorder answering(String stdout) {
            answer = new ToolResult(0, stdout, "");
            return this;
        }

        String last() {
            return calls.get(calls.size() - 1);
        }
    }

    private final Recorder runner = new Recorder();
    private final ProcessHookTools tools = new ProcessHookTools(runner);

    @Test
    void relationIds() {
        runner.answering("[\"amqp:12\",\"amqp:15\"]");
        assertEquals(List.of("amqp:12", "amqp:15"), tools.relationIds("amqp"));
        assertEquals("relation-ids --format=json amqp", runner.last());
    }

    @Test
    void relationListUnitsAndApp() {
        runner.answering("[\"rabbitmq-server/0\",\"rabbitmq-server/1\"]");
        assertEquals(List.of("rabbitmq-server/0", "rabbitmq-server/1"), tools.relationList("amqp:12"));
        assertEquals("relation-list -r amqp:12 --format=json", runner.last());
        runner.answering("\"rabbitmq-server\"\n");
        assertEquals(Optional.of("rabbitmq-server"), tools.relationRemoteApp("amqp:12"));
        assertEquals("relation-list -r amqp:12 --app --format=json", runner.last());
        runner.answering("\"\"");
        assertEquals(Optional.empty(), tools.relationRemoteApp("amqp:12"));
    }

    @Test
    void relationGetUnitAndAppDropsNulls() {
        runner.answering("{\"password\":\"s3cret\",\"hostname\":\"10.0.0.5\",\"ssl_port\":null}");
        Map<String, String> data = tools.relationGet("amqp:12", "rabbitmq-server/0");
        assertEquals(Map.of("password", "s3cret", "hostname", "10.0.0.5"), data);
        assertEquals("relation-get -r amqp:12 --format=json - rabbitmq-server/0", runner.last());
        runner.answering("{\"clustered\":\"yes\"}");
        assertEquals(Map.of("clustered", "yes"), tools.relationGetApp("ha:3", "hacluster"));
        assertEquals("relation-get -r ha:3 --app --format=json - hacluster", runner.last());
    }

    @Test
    void relationGetOfAnEmptyBagIsEmpty() {
        runner.answering("{}");
        assertTrue(tools.relationGet("amqp:12", "rabbitmq-server/0").isEmpty());
        runner.answering("");
        assertTrue(tools.relationGet("amqp:12", "rabbitmq-server/0").isEmpty());
    }

    @Test
    void relationSetSendsDataOnStdinNeverInArguments() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("username", "masakari");
        data.put("password", "topsecret");
        tools.relationSet("amqp:12", data);
        assertEquals("relation-set -r amqp:12 --file -", runner.last());
        assertFalse(runner.last().contains("topsecret"));
        assertEquals("{\"username\":\"masakari\",\"password\":\"topsecret\"}", runner.stdins.get(0));
        tools.relationSetApp("cluster:1", Map.of("db-synced", "true"));
        assertEquals("relation-set -r cluster:1 --app --file -", runner.last());
    }

    @Test
    void configGetKeepsJujuTypes() {
        runner.answering("{\"debug\":false,\"region\":\"RegionOne\",\"worker-multiplier\":0.25,\"port\":15868}");
        Map<String, Object> config = tools.configGet();
        assertEquals(false, config.get("debug"));
        assertEquals("RegionOne", config.get("region"));
        assertEquals(0.25, config.get("worker-multiplier"));
        assertEquals(15868, config.get("port"));
        assertEquals("config-get --format=json", runner.last());
    }

    @Test
    void statusSetForUnitAndApplication() {
        tools.statusSet(StatusLevel.BLOCKED, "-leading dash is a message, not a flag");
        assertEquals("status-set blocked -- -leading dash is a message, not a flag", runner.last());
        tools.applicationStatusSet(StatusLevel.ACTIVE, "Unit is ready");
        assertEquals("status-set --application active -- Unit is ready", runner.last());
    }

    @Test
    void statusGet() {
        runner.answering("{\"status\":\"active\",\"message\":\"Unit is ready\",\"status-data\":{}}");
        StatusInfo info = tools.statusGet();
        assertEquals(Optional.of(StatusLevel.ACTIVE), info.level());
        assertEquals("Unit is ready", info.message());
        assertEquals("status-get --include-data --format=json", runner.last());
        runner.answering("{\"status\":\"unknown\",\"message\":\"\"}");
        assertEquals(Optional.empty(), tools.statusGet().level());
    }

    @Test
    void versionAndLog() {
        tools.applicationVersionSet("14.0.2");
        assertEquals("application-version-set -- 14.0.2", runner.last());
        tools.jujuLog(LogLevel.WARNING, "disk low");
        assertEquals("juju-log --log-level WARNING -- disk low", runner.last());
    }

    @Test
    void actionTools() {
        runner.answering("{\"segment\":\"seg1\",\"force\":false,\"nested\":{\"a\":1}}");
        Map<String, Object> params = tools.actionGet();
        assertEquals("seg1", params.get("segment"));
        assertEquals(Map.of("a", 1), params.get("nested"));
        assertEquals("action-get --format=json", runner.last());
        Map<String, String> results = new LinkedHashMap<>();
        results.put("segment.uuid", "u-1");
        results.put("count", "2");
        tools.actionSet(results);
        assertEquals("action-set segment.uuid=u-1 count=2", runner.last());
        int calls = runner.calls.size();
        tools.actionSet(Map.of());
        assertEquals(calls, runner.calls.size(), "no results, no process");
        tools.actionFail("segment not found");
        assertEquals("action-fail -- segment not found", runner.last());
        tools.actionLog("creating segment");
        assertEquals("action-log -- creating segment", runner.last());
    }

    @Test
    void leadershipAndLeaderSettings() {
        runner.answering("true");
        assertTrue(tools.isLeader());
        assertEquals("is-leader --format=json", runner.last());
        runner.answering("false");
        assertFalse(tools.isLeader());
        runner.answering("{\"db-synced\":\"true\"}");
        assertEquals(Map.of("db-synced", "true"), tools.leaderGet());
        assertEquals("leader-get --format=json -", runner.last());
        tools.leaderSet(Map.of("k", "v"));
        assertEquals("leader-set k=v", runner.last());
    }

    @Test
    void unitState() {
        runner.answering("{\"db-version\":\"7\"}");
        assertEquals(Map.of("db-version", "7"), tools.stateGet());
        runner.answering("null");
        assertTrue(tools.stateGet().isEmpty(), "Juju 4 prints null for an empty state");
        tools.stateSet(Map.of("db-version", "8"));
        assertEquals("state-set --file -", runner.last());
        assertEquals("{\"db-version\":\"8\"}", runner.stdins.get(runner.stdins.size() - 1));
        tools.stateDelete("db-version");
        assertEquals("state-delete db-version", runner.last());
    }

    @Test
    void networkGetReadsNewAndOldAddressFields() {
        runner.answering("{\"bind-addresses\":[{\"mac-address\":\"aa\",\"interface-name\":\"eth0\",\"addresses\":"
                + "[{\"hostname\":\"\",\"value\":\"10.0.0.5\",\"cidr\":\"10.0.0.0/24\"},{\"address\":\"10.0.1.5\",\"cidr\":\"\"}]}],"
                + "\"egress-subnets\":[\"10.0.0.5/32\"],\"ingress-addresses\":[\"10.0.0.9\",\"10.0.0.5\"]}");
        NetworkInfo info = tools.networkGet("public");
        assertEquals("network-get --format=json public", runner.last());
        assertEquals(Optional.of("10.0.0.9"), info.ingressAddress());
        assertEquals("10.0.0.5", info.bindAddresses().get(0).addresses().get(0).value());
        assertEquals("10.0.1.5", info.bindAddresses().get(0).addresses().get(1).value());
        assertEquals("eth0", info.bindAddresses().get(0).interfaceName());
        assertEquals(List.of("10.0.0.5/32"), info.egressSubnets());
    }

    @Test
    void portsAndUnitGet() {
        tools.openPort("15868/tcp");
        assertEquals("open-port 15868/tcp", runner.last());
        tools.closePort("icmp");
        assertEquals("close-port icmp", runner.last());
        runner.answering("[\"15868/tcp\",\"icmp\"]");
        assertEquals(List.of("15868/tcp", "icmp"), tools.openedPorts());
        assertEquals("opened-ports --format=json", runner.last());
        runner.answering("\"10.0.0.5\"");
        assertEquals("10.0.0.5", tools.unitGet("private-address"));
        assertEquals("unit-get --format=json private-address", runner.last());
    }

    @Test
    void failuresCarryToolExitCodeAndStderrButNotTheSecret() {
        runner.answer = new ToolRunner.ToolResult(1, "", "ERROR cannot write relation settings\n");
        HookToolException e = assertThrows(
                HookToolException.class, () -> tools.relationSetApp("amqp:12", Map.of("password", "hunter22")));
        assertInstanceOf(HookToolException.PermissionDeniedException.class, e);
        assertEquals("relation-set", e.tool());
        assertEquals(1, e.exitCode());
        assertEquals("ERROR cannot write relation settings\n", e.stderr());
        assertFalse(e.getMessage().contains("hunter22"));
        assertEquals("relation-set failed with exit code 1: ERROR cannot write relation settings", e.getMessage());
    }

    @Test
    void relationNotFoundAndUsageErrorsAreTyped() {
        runner.answer =
                new ToolRunner.ToolResult(2, "", "ERROR invalid value \"db:42\" for option -r: relation not found");
        assertInstanceOf(
                HookToolException.RelationNotFoundException.class,
                assertThrows(HookToolException.class, () -> tools.relationList("db:42")));
        runner.answer = new ToolRunner.ToolResult(2, "", "ERROR flag provided but not defined: -x");
        HookToolException e = assertThrows(HookToolException.class, () -> tools.configGet());
        assertEquals(HookToolException.class, e.getClass());
        assertEquals(2, e.exitCode());
    }

    @Test
    void garbageOutputIsAToolFailureNotAParserStackTrace() {
        runner.answering("{not json");
        HookToolException e = assertThrows(HookToolException.class, () -> tools.configGet());
        assertEquals("config-get", e.tool());
        assertTrue(e.getMessage().contains("not JSON"));
    }

    @Test
    void missingToolBinaryIsReportedAsExit127() {
        ProcessToolRunner real = new ProcessToolRunner();
        ToolRunner.ToolResult result = real.run("no-such-hook-tool-xyz", List.of(), null);
        assertEquals(127, result.exitCode());
        assertTrue(result.stderr().contains("no-such-hook-tool-xyz"));
        assertNull(null);
    }
}
