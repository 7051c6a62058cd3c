package dev.instanceha.tests.hostile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Runs the corpus (or the cases whose name matches a filter) with a few cases at a time, prints a
 * progress line per case, and writes the per-case log and the HTML report.
 */
public final class CorpusRun {
    private final Path repoRoot;
    private final Path outputDir;
    private final int parallel;
    private final int timeoutSeconds;
    private final Pattern filter;
    private final PrintStream progress;

    public CorpusRun(
            Path repoRoot, Path outputDir, int parallel, int timeoutSeconds, String filter, PrintStream progress) {
        this.repoRoot = repoRoot;
        this.outputDir = outputDir;
        this.parallel = parallel;
        this.timeoutSeconds = timeoutSeconds;
        this.filter = Pattern.compile(filter == null || filter.isBlank() ? ".*" : filter);
        this.progress = progress;
    }

    public record Summary(List<CaseOutcome> outcomes, Path log, Path html, long millis) {
        public List<CaseOutcome> failures() {
            return outcomes.stream().filter(o -> !o.passed()).toList();
        }
    }

    public Summary run() {
        List<HostileCase> cases = new CorpusLoader(repoRoot)
                .loadAll().stream().filter(c -> filter.matcher(c.name()).find()).toList();
        for (HostileCase c : cases.stream()
                .map(HostileCase::charm)
                .distinct()
                .map(ch -> cases.stream()
                        .filter(x -> x.charm().equals(ch))
                        .findFirst()
                        .orElseThrow())
                .toList()) {
            if (!Files.exists(c.charm().charmFile())) {
                throw new IllegalStateException(
                        c.charm().charmFile() + " was not built: run `mvn -B -pl tests -am package` first");
            }
        }
        long start = System.nanoTime();
        Path shm = Path.of("/dev/shm")
                .resolve("instanceha-hostile-" + ProcessHandle.current().pid());
        Path work = outputDir.resolve("work");
        Sandbox sandbox = new Sandbox(repoRoot.resolve("tests/hostile"), shm);
        CaseRunner runner = new CaseRunner(sandbox, work, timeoutSeconds);
        List<CaseOutcome> outcomes = new ArrayList<>();
        progress.printf(
                "hostile-input corpus: %d cases, %d at a time, %d s timeout per run%n",
                cases.size(), parallel, timeoutSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            // The first case of each charm runs alone, so its AppCDS archive serves all the others.
            List<HostileCase> firsts = cases.stream()
                    .map(HostileCase::charm)
                    .distinct()
                    .map(ch -> cases.stream()
                            .filter(x -> x.charm().equals(ch))
                            .findFirst()
                            .orElseThrow())
                    .toList();
            AtomicInteger done = new AtomicInteger();
            List<Future<CaseOutcome>> futures = new ArrayList<>();
            for (HostileCase first : firsts) {
                futures.add(pool.submit(() -> report(runner.run(first), done, cases.size())));
            }
            for (Future<CaseOutcome> f : futures) {
                outcomes.add(f.get());
            }
            futures.clear();
            for (HostileCase c : cases) {
                if (!firsts.contains(c)) {
                    futures.add(pool.submit(() -> report(runner.run(c), done, cases.size())));
                }
            }
            for (Future<CaseOutcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the runner itself failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            sandbox.close();
        }
        outcomes.sort(Comparator.comparingInt(o -> cases.indexOf(o.hostileCase())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        try {
            Files.createDirectories(outputDir);
            Path log = outputDir.resolve("hostile-input.log");
            Path html = outputDir.resolve("hostile-input.html");
            HostileReport report = new HostileReport(outcomes, millis, parallel);
            Files.writeString(log, report.fullLog());
            Files.writeString(html, report.html());
            Sandbox.delete(work);
            progress.println();
            progress.print(report.table());
            progress.println();
            progress.print(report.failuresByCause());
            progress.printf("%nfull per-case log: %s%nHTML report:       %s%n", log, html);
            return new Summary(outcomes, log, html, millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CaseOutcome report(CaseOutcome o, AtomicInteger done, int total) {
        int n = done.incrementAndGet();
        String line = String.format(
                "[%3d/%d] %-4s %-58s %5.1fs %s",
                n,
                total,
                o.passed() ? "ok" : "FAIL",
                CaseRunner.shorten(o.hostileCase().name(), 58),
                o.millis() / 1000.0,
                o.passed() ? "" : o.findings().get(0).cause().label());
        synchronized (progress) {
            progress.println(line);
        }
        return o;
    }
}
