package dev.instanceha.hostmonitor.bench;

import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.CrmMonXmlParser;
import dev.instanceha.hostmonitor.state.HostTracker;
import dev.instanceha.hostmonitor.state.TrackerPolicy;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Not a test: prints how long parsing the 1,000-node crm_mon document (and one state-machine pass
 * over it) takes on this machine. Run by src/test/bench/parse-benchmark.sh.
 */
public final class ParseBenchmark {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        byte[] xml;
        try (InputStream in =
                new GZIPInputStream(ParseBenchmark.class.getResourceAsStream("/crm_mon/nodes-1000.xml.gz"))) {
            xml = in.readAllBytes();
        }
        CrmMonXmlParser parser = new CrmMonXmlParser();
        HostTracker tracker = new HostTracker(new TrackerPolicy(1, Duration.ofSeconds(30), true, Set.of()));
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        int nodes = 0;
        for (int i = 0; i < Math.max(50, iterations / 2); i++) { // warm-up: JIT
            nodes = parser.parse(xml).nodes().size();
        }
        long[] parse = new long[iterations];
        long[] cycle = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long a = System.nanoTime();
            ClusterSnapshot s = parser.parse(xml);
            long b = System.nanoTime();
            tracker.observe(s, t.plusSeconds(2L * i));
            long c = System.nanoTime();
            parse[i] = b - a;
            cycle[i] = c - a;
        }
        System.out.printf("document: %d bytes, %d nodes, %d iterations%n", xml.length, nodes, iterations);
        report("parse", parse);
        report("parse+state machine", cycle);
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(
                "%-20s median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                what, s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6);
    }
}
