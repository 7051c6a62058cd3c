package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action's parameters, blank or of the wrong type: the action fails cleanly naming the parameter. */
class ActionParamsTest {
    final CharmTestContext ctx = new CharmTestContext(MasakariCharm::new, MasakariCharmTest.CHARM);

    static Stream<Arguments> badParams() {
        Map<String, Object> segment = Map.of("segment", "seg0", "host", "compute-1.maas");
        return Stream.of(
                call("create-segment", Map.of("name", ""), "name", "is required"),
                call("create-segment", Map.of("name", 42), "name", "must be a string"),
                call("create-segment", Map.of("name", "x".repeat(100_000)), "name", "at most 255"),
                call("create-segment", Map.of("name", "seg\n0"), "name", "one line"),
                call(
                        "create-segment",
                        Map.of("name", "seg0", "recovery-method", "bogus"),
                        "recovery-method",
                        "one of auto"),
                call(
                        "create-segment",
                        Map.of("name", "seg0", "recovery-method", 7),
                        "recovery-method",
                        "must be a string"),
                call(
                        "create-segment",
                        Map.of("name", "seg0", "description", List.of("x")),
                        "description",
                        "must be a string"),
                call("add-host", with(segment, "segment", ""), "segment", "is required"),
                call("add-host", with(segment, "host", ""), "host", "is required"),
                call("add-host", with(segment, "host", 12), "host", "must be a string"),
                call("add-host", with(segment, "reserved", "maybe"), "reserved", "true or false"),
                call("add-host", with(segment, "on-maintenance", 3), "on-maintenance", "true or false"),
                call("add-host", with(segment, "type", "COMPUTE\r\nX"), "type", "one line"),
                call("remove-host", with(segment, "segment", " "), "segment", "is required"),
                call("remove-host", with(segment, "host", List.of("x")), "host", "must be a string"),
                call("reset-host-maintenance", with(segment, "host", ""), "host", "is required"),
                call("reset-host-maintenance", with(segment, "segment", 1.5), "segment", "must be a string"),
                call("list-notifications", Map.of("limit", "abc"), "limit", "whole number"),
                call("list-notifications", Map.of("limit", "1.5"), "limit", "whole number"),
                call("list-notifications", Map.of("limit", 1.5), "limit", "whole number"),
                call("list-notifications", Map.of("limit", 0), "limit", "between 1 and 1000"),
                call("list-notifications", Map.of("limit", -1), "limit", "between 1 and 1000"),
                call("list-notifications", Map.of("limit", 4_294_967_297L), "limit", "between 1 and 1000"),
                call("list-notifications", Map.of("limit", "99999999999999999999"), "limit", "whole number"),
                call("list-notifications", Map.of("limit", true), "limit", "whole number"));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> out = new HashMap<>(base);
        out.put(key, value);
        return out;
    }

    private static Arguments call(String action, Map<String, Object> params, String param, String expected) {
        return Arguments.of(action, params, param, expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badParams")
    void badParameterFailsTheActionNamingIt(String action, Map<String, Object> params, String param, String expected) {
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = ctx.run(Event.action(action, params), MasakariCharmTest.related(true), host);
        assertEquals(0, out.exitCode(), "no stack trace, no failed hook: " + out.allLogText());
        String failure = out.actionFailure().orElseThrow(() -> new AssertionError("action did not fail"));
        assertTrue(failure.startsWith("parameter '" + param + "' ") && failure.contains(expected), failure);
        assertTrue(failure.lines().count() == 1 && failure.length() <= 300, failure);
        assertEquals(List.of(), host.commandLog(), "nothing was done");
    }
}
