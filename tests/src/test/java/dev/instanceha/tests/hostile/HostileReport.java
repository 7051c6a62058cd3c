package dev.instanceha.tests.hostile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corpus's results for people: a table per charm, failures grouped by cause, the full log and HTML. */
final class HostileReport {
    private final List<CaseOutcome> outcomes;
    private final long millis;
    private final int parallel;
    private final Map<String, List<CaseOutcome>> byCharm = new LinkedHashMap<>();

    HostileReport(List<CaseOutcome> outcomes, long millis, int parallel) {
        this.outcomes = outcomes;
        this.millis = millis;
        this.parallel = parallel;
        for (CaseOutcome o : outcomes) {
            byCharm.computeIfAbsent(o.hostileCase().charm().name(), k -> new ArrayList<>())
                    .add(o);
        }
    }

    /** Cases with at least one finding of each cause, per charm. */
    private Map<Cause, Integer> counts(List<CaseOutcome> list) {
        Map<Cause, Integer> out = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            out.put(cause, (int) list.stream().filter(o -> o.has(cause)).count());
        }
        return out;
    }

    String table() {
        List<String> header = new ArrayList<>(List.of("charm", "cases", "failed"));
        for (Cause c : Cause.values()) {
            header.add(c.label());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        byCharm.forEach((charm, list) -> rows.add(row(charm, list)));
        rows.add(row("all", outcomes));
        int[] width = new int[header.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < rows.size(); j++) {
            List<String> r = rows.get(j);
            b.append("|");
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                b.append(' ')
                        .append(i == 0 ? pad(cell, width[i]) : padLeft(cell, width[i]))
                        .append(" |");
            }
            b.append('\n');
            if (j == 0) {
                b.append("|");
                for (int w : width) {
                    b.append('-').append("-".repeat(w)).append("-|");
                }
                b.append('\n');
            }
        }
        b.append(String.format(
                "%d cases in %.1f s wall time (%d at a time)%n", outcomes.size(), millis / 1000.0, parallel));
        return b.toString();
    }

    private List<String> row(String name, List<CaseOutcome> list) {
        List<String> r = new ArrayList<>(List.of(
                name,
                String.valueOf(list.size()),
                String.valueOf(list.stream().filter(o -> !o.passed()).count())));
        counts(list).values().forEach(n -> r.add(String.valueOf(n)));
        return r;
    }

    /** Every failing case, under each cause it shows, with input, exit codes and status. */
    String failuresByCause() {
        StringBuilder b = new StringBuilder();
        for (Cause cause : Cause.values()) {
            List<CaseOutcome> hit = outcomes.stream().filter(o -> o.has(cause)).toList();
            if (hit.isEmpty()) {
                continue;
            }
            b.append("## ")
                    .append(cause.label())
                    .append(" (")
                    .append(hit.size())
                    .append(")\n");
            for (CaseOutcome o : hit) {
                b.append("- ")
                        .append(o.hostileCase().name())
                        .append(" [")
                        .append(o.hostileCase().event().dispatchPath())
                        .append("] input ")
                        .append(o.hostileCase().input())
                        .append('\n');
                for (Finding f : o.findings()) {
                    if (f.cause() == cause) {
                        b.append("    ").append(f.detail()).append('\n');
                    }
                }
                b.append("    exit ")
                        .append(o.exitCodes())
                        .append(", status '")
                        .append(CaseRunner.shorten(o.statuses().get(o.statuses().size() - 1), 200))
                        .append("'")
                        .append(
                                o.actionFailure() == null
                                        ? ""
                                        : ", action-fail '" + CaseRunner.shorten(o.actionFailure(), 160) + "'")
                        .append(", expected ")
                        .append(o.hostileCase().expectation())
                        .append('\n');
            }
        }
        return b.toString();
    }

    String fullLog() {
        StringBuilder b = new StringBuilder(table())
                .append('\n')
                .append(failuresByCause())
                .append('\n');
        outcomes.forEach(o -> b.append(o.log()).append('\n'));
        return b.toString();
    }

    String html() {
        StringBuilder b = new StringBuilder(
                        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Hostile-input corpus</title>")
                .append(
                        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append(
                        "padding:3px 6px;text-align:right}td:first-child,th:first-child{text-align:left}.bad{background:#fdd}")
                .append("pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}</style></head><body>")
                .append("<h1>Hostile-input corpus</h1><p>")
                .append(outcomes.size())
                .append(" cases, ")
                .append(outcomes.stream().filter(o -> !o.passed()).count())
                .append(" failing, ")
                .append(String.format("%.1f s", millis / 1000.0))
                .append(" wall time.</p><table><tr><th>charm</th><th>cases</th><th>failed</th>");
        for (Cause c : Cause.values()) {
            b.append("<th>").append(esc(c.label())).append("</th>");
        }
        b.append("</tr>");
        Map<String, List<CaseOutcome>> rows = new LinkedHashMap<>(byCharm);
        rows.put("all", outcomes);
        rows.forEach((charm, list) -> {
            b.append("<tr><td>")
                    .append(esc(charm))
                    .append("</td><td>")
                    .append(list.size())
                    .append("</td>");
            long failed = list.stream().filter(o -> !o.passed()).count();
            b.append(failed > 0 ? "<td class=\"bad\">" : "<td>").append(failed).append("</td>");
            counts(list)
                    .values()
                    .forEach(n -> b.append(n > 0 ? "<td class=\"bad\">" : "<td>")
                            .append(n)
                            .append("</td>"));
            b.append("</tr>");
        });
        b.append("</table>");
        byCharm.forEach((charm, list) ->
                b.append("<h2>").append(esc(charm)).append("</h2>").append(chart(list)));
        b.append("<h2>Failing cases by cause</h2><pre>")
                .append(esc(failuresByCause()))
                .append("</pre></body></html>\n");
        return b.toString();
    }

    /** A horizontal bar per cause: cases of this charm with that finding, out of its cases. */
    private String chart(List<CaseOutcome> list) {
        Map<Cause, Integer> counts = counts(list);
        int barWidth = 400;
        int rowHeight = 20;
        int labelWidth = 210;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelWidth + barWidth + 60)
                .append("\" height=\"")
                .append(rowHeight * (counts.size() + 1))
                .append("\" font-size=\"12\">");
        int y = 0;
        long passed = list.stream().filter(CaseOutcome::passed).count();
        s.append(bar("passed", passed, list.size(), y, labelWidth, barWidth, "#4a4"));
        for (Map.Entry<Cause, Integer> e : counts.entrySet()) {
            y += rowHeight;
            s.append(bar(e.getKey().label(), e.getValue(), list.size(), y, labelWidth, barWidth, "#c33"));
        }
        return s.append("</svg>").toString();
    }

    private static String bar(String label, long n, int total, int y, int labelWidth, int barWidth, String colour) {
        int w = total == 0 ? 0 : (int) Math.round(barWidth * (double) n / total);
        return "<text x=\"0\" y=\"" + (y + 14) + "\">" + esc(label) + "</text><rect x=\"" + labelWidth + "\" y=\""
                + (y + 3)
                + "\" width=\"" + w + "\" height=\"14\" fill=\"" + colour + "\"/><text x=\"" + (labelWidth + w + 4)
                + "\" y=\"" + (y + 14) + "\">" + n + "</text>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
