package dev.instanceha.ops.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Time of {@link Redactor#redact} on 1 KB … 1 MB inputs, against a baseline in the same run: one
 * plain {@code String.replace} pass over the same text (the least any masking can cost). Inputs:
 * a status message holding one long value (what used to hang a hook), and log text mixing k=v
 * pairs, JSON, URLs and 20 registered secrets. Run with {@code tests/bench/redaction}.
 */
public final class RedactionBenchmark {
    private static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000};

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Redactor redactor = new Redactor();
        Random random = new Random(7);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String secret = base64(random, 24);
            secrets.add(secret);
            redactor.registerSecret(secret);
        }
        System.out.printf("%-18s %9s %12s %12s %8s%n", "input", "chars", "redact ms", "replace ms", "ratio");
        for (int size : SIZES) {
            report(
                    "long-value",
                    "config 'ssl_ca' must be a PEM certificate, not '" + base64(random, size) + "'",
                    redactor,
                    secrets.get(0),
                    runs);
        }
        for (int size : SIZES) {
            report("log-mix", logMix(random, secrets, size), redactor, secrets.get(0), runs);
        }
        // Shapes that make a backtracking or rescanning redactor quadratic.
        String[] hostile = {"password=\"", "a://b:", "token_key:", "x.java:", "password=\"\\", "'", "k=v "};
        for (String unit : hostile) {
            report("repeat " + unit, unit.repeat(1_000_000 / unit.length()), redactor, secrets.get(0), runs);
        }
    }

    private static void report(String name, String text, Redactor redactor, String secret, int runs) {
        double redact = medianMillis(() -> redactor.redact(text), runs);
        double replace = medianMillis(() -> text.replace(secret, Redactor.MASK), runs);
        System.out.printf("%-18s %9d %12.3f %12.3f %8.1f%n", name, text.length(), redact, replace, redact / replace);
    }

    private static double medianMillis(Runnable work, int runs) {
        for (int i = 0; i < 3; i++) {
            work.run(); // warm-up
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private static String logMix(Random random, List<String> secrets, int size) {
        StringBuilder out = new StringBuilder(size + 200);
        while (out.length() < size) {
            String secret = secrets.get(random.nextInt(secrets.size()));
            switch (random.nextInt(5)) {
                case 0 -> out.append("service_password=").append(secret).append(" region=RegionOne ");
                case 1 ->
                    out.append("{\"auth_url\": \"http://10.0.0.5:5000/v3\", \"token\": \"")
                            .append(secret)
                            .append("\"} ");
                case 2 ->
                    out.append("transport_url = rabbit://masakari:")
                            .append(secret)
                            .append("@10.0.0.5:5672/os ");
                case 3 ->
                    out.append("relation data from keystone/0 has ")
                            .append(secret)
                            .append(" in it\n");
                default ->
                    out.append("\tat dev.instanceha.ops.Thing.run(Thing.java:")
                            .append(random.nextInt(999))
                            .append(")\n");
            }
        }
        return out.toString();
    }

    private static String base64(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
