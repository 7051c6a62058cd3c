package dev.instanceha.tests.hostile;

import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.State;
import java.util.List;

/**
 * One hostile input: the charm's base state with the case's delta applied, the event to run twice,
 * what it must end in, and the secret values no output may show.
 *
 * @param input a one-line, shortened description of the delta for people
 */
public record HostileCase(
        CharmProfile charm,
        String id,
        String input,
        State state,
        Event event,
        Expectation expectation,
        List<String> secrets) {
    public String name() {
        return charm.name() + "/" + id;
    }
}
