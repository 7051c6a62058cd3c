package dev.instanceha.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus through every packed charm's real dispatch, in a sandbox per case.
 * Fails listing every failing case. Options (system properties): {@code hostile.filter} (a regex
 * on {@code charm/case}), {@code hostile.parallel} (default 2), {@code hostile.timeout} (seconds per
 * run, default 60). Needs root (namespaces, overlayfs); tests/hostile/run runs it from a shell.
 */
class HostileInputIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyCharmSurvivesTheCorpus() {
        assertTrue(
                ProcessHandle.current().info().user().map("root"::equals).orElse(false),
                "the sandbox needs root (mount, network and PID namespaces, overlayfs): run as root");
        CorpusRun.Summary summary = new CorpusRun(
                        ROOT,
                        ROOT.resolve("tests/target/hostile"),
                        Integer.getInteger("hostile.parallel", 2),
                        Integer.getInteger("hostile.timeout", 60),
                        System.getProperty("hostile.filter", ""),
                        System.out)
                .run();
        assertTrue(summary.outcomes().size() > 0, "no case matched hostile.filter");
        if (!summary.failures().isEmpty()) {
            fail(summary.failures().size() + " of " + summary.outcomes().size() + " hostile-input cases failed (log "
                    + summary.log() + "):\n"
                    + summary.failures().stream()
                            .map(o -> o.hostileCase().name() + ": "
                                    + o.findings().stream()
                                            .map(Finding::toString)
                                            .collect(Collectors.joining("; ")))
                            .collect(Collectors.joining("\n")));
        }
    }
}
