package dev.instanceha.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.charm.Action;
import dev.instanceha.ops.charm.Charm;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testcharm.GreeterCharm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile action parameters, unexpected exceptions and stop/remove, through the real CharmRunner. */
class CharmRunnerSafetyTest {
    private final CharmTestContext ctx = new CharmTestContext(GreeterCharm::new, CharmTestContextTest.CHARM_DIR);

    static Stream<Arguments> badParams() {
        return Stream.of(
                Arguments.of(Map.of("times", "abc"), "parameter 'times' must be a whole number, not 'abc'"),
                Arguments.of(Map.of("times", "1.5"), "parameter 'times' must be a whole number, not '1.5'"),
                Arguments.of(Map.of("times", 1.5), "parameter 'times' must be a whole number, not '1.5'"),
                Arguments.of(Map.of("times", true), "parameter 'times' must be a whole number, not 'true'"),
                Arguments.of(Map.of("times", "1e999999999"), "parameter 'times' must be a whole number"),
                Arguments.of(Map.of("times", 4_294_967_297L), "parameter 'times' must be at most 5, not '4294967297'"),
                Arguments.of(
                        Map.of("times", new java.math.BigInteger("18446744073709551617")),
                        "parameter 'times' must be a whole number"),
                Arguments.of(Map.of("times", 0), "parameter 'times' must be at least 1, not '0'"),
                Arguments.of(Map.of("times", -3), "parameter 'times' must be at least 1, not '-3'"),
                Arguments.of(Map.of("style", "shout"), "parameter 'style' must be one of plain, loud, not 'shout'"),
                Arguments.of(Map.of("name", List.of("a", "b")), "parameter 'name' must be a string"));
    }

    @ParameterizedTest
    @MethodSource("badParams")
    void wrongParamsFailTheActionNamingTheParam(Map<String, Object> bad, String expected) {
        Map<String, Object> params = new HashMap<>(Map.of("name", "juju"));
        params.putAll(bad);
        Result out = ctx.run(Event.action("greet", params), State.of("greeter/0"));
        assertEquals(0, out.exitCode(), "Juju expects exit 0 after action-fail");
        assertTrue(
                out.actionFailure().orElseThrow().startsWith(expected),
                out.actionFailure().orElseThrow());
        assertEquals(Map.of(), out.actionResults(), "the action did not run");
    }

    @Test
    void goodParamsAreTypedForTheAction() {
        Result out = ctx.run(
                Event.action("greet", Map.of("name", "juju", "times", 2, "style", "loud")), State.of("greeter/0"));
        assertEquals(Optional.empty(), out.actionFailure());
        assertEquals(Map.of("message", "HELLO, JUJU HELLO, JUJU"), out.actionResults());
        Result text = ctx.run(Event.action("greet", Map.of("name", "juju", "times", "3")), State.of("greeter/0"));
        assertEquals(Map.of("message", "hello, juju hello, juju hello, juju"), text.actionResults(), "\"3\" is whole");
    }

    @Test
    void aMissingRequiredParamFailsTheActionCleanly() {
        for (Map<String, Object> params : List.<Map<String, Object>>of(Map.of(), Map.of("name", " "))) {
            Result out = ctx.runUnchecked(Event.action("greet", params), State.of("greeter/0"), new FakeHost());
            assertEquals(0, out.exitCode());
            assertEquals(Optional.of("parameter 'name' is required"), out.actionFailure());
        }
    }

    @Test
    void anUnexpectedExceptionInAnActionEndsInOneRedactedLineAndExit0() {
        CharmTestContext crashing = new CharmTestContext(
                () -> charm(hook -> {}, action -> {
                    action.hook().log().secret("Sup3rS3cret!");
                    throw new IllegalStateException(
                            "cannot parse\nSup3rS3cret! password=hunter22\n\tat fake.Frame(X.java:1)");
                }),
                CharmTestContextTest.CHARM_DIR);
        String stdout = capturingStdout(() -> {
            Result out = crashing.run(Event.action("fail-on-purpose", Map.of()), State.of("greeter/0"));
            assertEquals(0, out.exitCode());
            String failure = out.actionFailure().orElseThrow();
            assertEquals(
                    "action fail-on-purpose failed: IllegalStateException: cannot parse *** password=***  "
                            + "at fake.Frame(X.java:1)",
                    failure);
            assertEquals(List.of("ERROR " + failure), out.logs());
        });
        assertTrue(
                stdout.contains("\tat dev.instanceha.ops.testing.CharmRunnerSafetyTest"), "trace at DEBUG: " + stdout);
        assertFalse(stdout.contains("Sup3rS3cret!") || stdout.contains("hunter22"), stdout);
    }

    @Test
    void anUnexpectedExceptionInAHookIsOneRedactedErrorLineAndExit1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CharmTestContext crashing = new CharmTestContext(
                    () -> charm(
                            hook -> {
                                hook.log().secret("Sup3rS3cret!");
                                throw new IllegalArgumentException("x".repeat(100_000) + " Sup3rS3cret!\nsecond line");
                            },
                            action -> {}),
                    CharmTestContextTest.CHARM_DIR);
            String stdout = capturingStdout(() -> {
                Result out = crashing.run(Event.configChanged(), State.of("greeter/0"));
                assertEquals(1, out.exitCode(), "Juju retries a hook that failed unexpectedly");
                assertEquals(1, out.logs().size(), out.logs().toString());
                String line = out.logs().get(0);
                assertTrue(line.startsWith("ERROR config-changed failed: IllegalArgumentException: xxx"), line);
                assertTrue(line.contains("… (100000 chars) *** second line"), line);
                assertTrue(line.length() < 200, line);
            });
            assertFalse(stdout.contains("Sup3rS3cret!"), stdout);
            assertTrue(stdout.contains("\tat "), "the trace is kept at DEBUG");
        } finally {
            System.setErr(original);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing on stderr");
    }

    @Test
    void anErrorSuchAsStackOverflowIsHandledTheSameWay() {
        CharmTestContext crashing = new CharmTestContext(
                () -> charm(
                        hook -> {
                            throw new StackOverflowError();
                        },
                        action -> {}),
                CharmTestContextTest.CHARM_DIR);
        Result out = capturing(() -> crashing.run(Event.updateStatus(), State.of("greeter/0")));
        assertEquals(1, out.exitCode());
        assertEquals(List.of("ERROR update-status failed: StackOverflowError"), out.logs());
    }

    @Test
    void statusMessagesAreOneLineAndBounded() {
        CharmTestContext chatty = new CharmTestContext(
                () -> charm(
                        hook -> hook.report(Status.blocked(
                                "config 'x' must be valid, not '" + "A".repeat(100_000) + "\n[DEFAULT]'")),
                        action -> {}),
                CharmTestContextTest.CHARM_DIR);
        Result out = chatty.run(Event.configChanged(), State.of("greeter/0"));
        String message = out.unitStatus().message();
        assertFalse(message.contains("\n"), message);
        assertEquals("config 'x' must be valid, not '" + "A".repeat(39) + "… (100001 chars) [DEFAULT]'", message);
    }

    @Test
    void stopAndRemoveEndStoppedNotReady() {
        for (Event event : List.of(Event.stop(), Event.remove())) {
            Result out = ctx.run(event, State.of("greeter/0"));
            assertEquals(0, out.exitCode());
            assertEquals(Status.maintenance("Stopped"), out.unitStatus(), event.name());
        }
        CharmTestContext failingStop = new CharmTestContext(
                () -> new Charm() {
                    @Override
                    public void reconcile(HookContext hook) {}

                    @Override
                    public void onRemove(HookContext hook) {
                        hook.report(Status.blocked("could not stop the daemon: see the log"));
                    }
                },
                CharmTestContextTest.CHARM_DIR);
        assertEquals(
                Status.blocked("could not stop the daemon: see the log"),
                failingStop.run(Event.stop(), State.of("greeter/0")).unitStatus(),
                "the charm decides");
    }

    private static Charm charm(Consumer<HookContext> reconcile, Action action) {
        return new Charm() {
            @Override
            public void reconcile(HookContext hook) {
                reconcile.accept(hook);
            }

            @Override
            public Map<String, Action> actions() {
                return Map.of("fail-on-purpose", action);
            }
        };
    }

    private static Result capturing(java.util.function.Supplier<Result> run) {
        Result[] out = new Result[1];
        capturingStdout(() -> out[0] = run.get());
        return out[0];
    }

    private static String capturingStdout(Runnable run) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
