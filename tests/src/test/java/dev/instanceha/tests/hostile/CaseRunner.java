package dev.instanceha.tests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instanceha.ops.testing.ContractRunner;
import dev.instanceha.ops.testing.ContractRunner.ContractResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs one case: unpacks the packed charm, puts its real {@code dispatch} behind a wrapper that
 * starts it in the sandbox, runs the event twice, and checks exit codes, stack traces, the status
 * against the expectation, secrets in every output and world-readable file, injected ini keys, and
 * that the second run changed no file, no Juju data and ran no state-changing command.
 */
public final class CaseRunner {
    /** Juju's exit code for timeout(1) killing the sandbox. */
    static final int TIMED_OUT = 124;
    /** The packed jar gets this mtime, so dispatch's AppCDS archive name is the same in every case. */
    private static final FileTime JAR_TIME = FileTime.fromMillis(1_700_000_000_000L);

    private static final List<String> TRACE_MARKERS = List.of("Exception in thread", "\tat ", "Caused by:");

    private final Sandbox sandbox;
    private final Path workRoot;
    private final int timeoutSeconds;
    private final Map<String, Path> cdsArchives = new ConcurrentHashMap<>();

    public CaseRunner(Sandbox sandbox, Path workRoot, int timeoutSeconds) {
        this.sandbox = sandbox;
        this.workRoot = workRoot;
        this.timeoutSeconds = timeoutSeconds;
    }

    public CaseOutcome run(HostileCase c) {
        String key = c.charm().name() + "-" + c.id().replaceAll("[^A-Za-z0-9_.-]", "_");
        Path unitDir = workRoot.resolve(key);
        Path layer = sandbox.caseLayer(key);
        long start = System.nanoTime();
        try {
            ContractRunner runner = new ContractRunner(c.charm().charmFile(), unitDir);
            wrapDispatch(c, runner, unitDir, layer);
            runner.reset(c.state());
            ContractResult first = runner.run(c.event(), c.state());
            UpperDir.Manifest afterFirst = UpperDir.manifest(layer.resolve("upper"));
            List<String> callsFirst = calls(layer);
            ContractResult second = first.exitCode() == TIMED_OUT ? null : runner.run(c.event(), c.state());
            UpperDir.Manifest afterSecond = UpperDir.manifest(layer.resolve("upper"));
            List<String> callsSecond = calls(layer);
            keepCdsArchive(c, runner.charmDir());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Checks(
                            c,
                            first,
                            second,
                            afterFirst,
                            afterSecond,
                            callsSecond.subList(Math.min(callsFirst.size(), callsSecond.size()), callsSecond.size()),
                            callsFirst,
                            layer.resolve("upper"))
                    .outcome(millis);
        } finally {
            Sandbox.delete(layer);
            Sandbox.delete(unitDir);
        }
    }

    /** The charm's own dispatch becomes dispatch.packed; dispatch starts it inside the sandbox. */
    private void wrapDispatch(HostileCase c, ContractRunner runner, Path unitDir, Path layer) {
        Path charmDir = runner.charmDir();
        try {
            Path jar = charmDir.resolve("lib/charm.jar");
            Files.setLastModifiedTime(jar, JAR_TIME);
            Path archive = cdsArchives.get(c.charm().name());
            if (archive != null) {
                Files.copy(archive, charmDir.resolve(archive.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(charmDir.resolve("dispatch"), charmDir.resolve("dispatch.packed"));
            String inside = Sandbox.UNIT_DIR;
            String wrapper = "#!/bin/sh\n"
                    + "# The packed charm's dispatch (dispatch.packed), started in the hostile-input sandbox.\n"
                    + "JUJU_CHARM_DIR=" + inside + "/charm\n"
                    + "JUJU_AGENT_SOCKET_ADDRESS=" + inside + "/" + unitDir.relativize(runner.socket()) + "\n"
                    + "PATH=" + inside + "/tools:${PATH#*:}\n"
                    + "SANDBOX_SHIMS='" + sandbox.layer(c.charm()) + "'\n"
                    + "export JUJU_CHARM_DIR JUJU_AGENT_SOCKET_ADDRESS PATH SANDBOX_SHIMS\n"
                    + "exec '" + sandbox.script() + "' '" + layer + "' '"
                    + c.charm().hostname() + "' '"
                    + unitDir + ":" + inside + "' " + timeoutSeconds + " -- " + inside + "/charm/dispatch.packed\n";
            Path dispatch = charmDir.resolve("dispatch");
            Files.writeString(dispatch, wrapper);
            Files.setPosixFilePermissions(dispatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first archive dispatch wrote for a charm serves every later case (same jar path, size, mtime). */
    private void keepCdsArchive(HostileCase c, Path charmDir) {
        if (cdsArchives.containsKey(c.charm().name())) {
            return;
        }
        try (Stream<Path> files = Files.list(charmDir)) {
            files.filter(p -> p.getFileName().toString().matches("\\.charm-.*\\.jsa"))
                    .findFirst()
                    .ifPresent(p -> {
                        try {
                            Path kept = Files.createDirectories(workRoot.resolve("cds")
                                            .resolve(c.charm().name()))
                                    .resolve(p.getFileName());
                            Files.copy(p, kept, StandardCopyOption.REPLACE_EXISTING);
                            cdsArchives.putIfAbsent(c.charm().name(), kept);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> calls(Path layer) {
        Path log =
                layer.resolve("upper").resolve(Sandbox.SHIM_STATE.substring(1)).resolve("calls.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command that changes the machine (as opposed to a query). */
    static boolean changesState(String call) {
        String[] w = call.split(" ");
        String tool = w[0];
        String verb = w.length > 1 ? w[1] : "";
        return switch (tool) {
            case "systemctl" ->
                !call.matches("systemctl( --\\S+)* (is-active|is-enabled|status|show|list-units|cat)\\b.*");
            case "apt-get" -> !verb.equals("--version");
            case "dpkg-query", "crm_mon", "crm_verify", "a2query" -> false;
            case "cibadmin" -> !(call.contains("--query") || call.contains(" -Q"));
            case "crm_attribute" -> call.contains("--update") || call.contains("--delete") || call.contains(" -v ");
            case "crm_resource" -> !(call.contains("--list") || call.contains("--locate") || call.contains("--query"));
            default -> true;
        };
    }

    /** The checks of one case, given both runs. */
    private static final class Checks {
        private final HostileCase c;
        private final ContractResult first;
        private final ContractResult second;
        private final UpperDir.Manifest afterFirst;
        private final UpperDir.Manifest afterSecond;
        private final List<String> secondCalls;
        private final List<String> firstCalls;
        private final Path upper;
        private final List<Finding> findings = new ArrayList<>();

        Checks(
                HostileCase c,
                ContractResult first,
                ContractResult second,
                UpperDir.Manifest afterFirst,
                UpperDir.Manifest afterSecond,
                List<String> secondCalls,
                List<String> firstCalls,
                Path upper) {
            this.c = c;
            this.first = first;
            this.second = second;
            this.afterFirst = afterFirst;
            this.afterSecond = afterSecond;
            this.secondCalls = secondCalls;
            this.firstCalls = firstCalls;
            this.upper = upper;
        }

        CaseOutcome outcome(long millis) {
            List<ContractResult> runs = second == null ? List.of(first) : List.of(first, second);
            for (int i = 0; i < runs.size(); i++) {
                checkRun(runs.get(i), i == 0 ? "run 1" : "run 2");
            }
            checkSecrets(runs);
            checkFiles();
            if (second != null) {
                checkSecondRun();
            }
            List<Integer> exits = runs.stream().map(ContractResult::exitCode).toList();
            List<String> statuses =
                    runs.stream().map(ContractResult::unitStatus).toList();
            String failed = runs.get(runs.size() - 1).action().path("failed").isNull()
                    ? null
                    : runs.get(runs.size() - 1).action().path("failed").asText();
            return new CaseOutcome(c, exits, statuses, failed, millis, dedupe(findings), log(runs));
        }

        private void checkRun(ContractResult r, String which) {
            if (r.exitCode() == TIMED_OUT) {
                findings.add(new Finding(Cause.HUNG, which + ": no end within the timeout, killed"));
                return;
            }
            if (r.exitCode() != 0) {
                findings.add(
                        new Finding(Cause.NON_ZERO_EXIT, which + ": exit " + r.exitCode() + ", " + lastErrorLine(r)));
            }
            String trace = firstTraceLine(r);
            if (trace != null) {
                findings.add(new Finding(Cause.STACK_TRACE, which + ": " + trace));
            }
            checkExpectation(r, which);
        }

        private void checkExpectation(ContractResult r, String which) {
            Expectation e = c.expectation();
            String level = r.state().path("status").path("status").asText();
            String message = r.state().path("status").path("message").asText();
            String status = r.unitStatus();
            if (e.kind() == Expectation.Kind.ACTION_FAIL) {
                JsonNode failed = r.action().path("failed");
                if (r.exitCode() != 0) {
                    findings.add(new Finding(
                            Cause.ACTION_NOT_FAILED_CLEANLY,
                            which + ": exit " + r.exitCode() + " instead of action-fail naming '" + e.names() + "'"));
                } else if (failed.isNull() || failed.isMissingNode()) {
                    findings.add(new Finding(
                            Cause.ACTION_NOT_FAILED_CLEANLY,
                            which + ": action succeeded (results " + r.action().path("results")
                                    + "); expected action-fail naming '" + e.names() + "'"));
                } else if (!e.named(failed.asText())) {
                    findings.add(new Finding(
                            Cause.ACTION_NOT_FAILED_CLEANLY,
                            which + ": action-fail '" + failed.asText() + "' does not name '" + e.names() + "'"));
                }
                return;
            }
            if (r.exitCode() != 0) {
                return; // the exit is the finding; the status of a failed hook says little
            }
            switch (e.kind()) {
                case ACTIVE -> {
                    if (!level.equals("active")) {
                        findings.add(new Finding(
                                Cause.WRONG_STATUS, which + ": valid input refused, status '" + status + "'"));
                    }
                }
                case BLOCKED, WAITING, REJECT -> {
                    boolean levelOk = switch (e.kind()) {
                        case BLOCKED -> level.equals("blocked");
                        case WAITING -> level.equals("waiting");
                        default -> level.equals("blocked") || level.equals("waiting");
                    };
                    if (level.equals("active")) {
                        findings.add(new Finding(
                                Cause.BAD_PAYLOAD_ACTIVE, which + ": ended '" + status + "', expected " + e));
                    } else if (!e.named(message)) {
                        findings.add(new Finding(
                                Cause.BLOCK_NOT_NAMING_KEY,
                                which + ": '" + status + "' does not name '" + e.names() + "'"));
                    } else if (!levelOk) {
                        findings.add(new Finding(Cause.WRONG_STATUS, which + ": '" + status + "', expected " + e));
                    }
                }
                default -> throw new IllegalStateException(e.toString());
            }
        }

        private void checkSecrets(List<ContractResult> runs) {
            StringBuilder shown = new StringBuilder();
            for (ContractResult r : runs) {
                shown.append(r.stdout()).append('\n').append(r.stderr()).append('\n');
                ObjectNode s = r.state();
                s.path("logs").forEach(l -> shown.append(l.asText()).append('\n'));
                s.path("status_history")
                        .forEach(h -> shown.append(h.path("message").asText()).append('\n'));
                shown.append(s.path("app_status").path("message").asText()).append('\n');
                shown.append(s.path("action").toString()).append('\n');
                JsonNode action = s.path("action");
                action.path("results").forEach(v -> shown.append(v.asText()).append('\n'));
                shown.append(action.path("failed").asText()).append('\n');
                action.path("logs").forEach(v -> shown.append(v.asText()).append('\n'));
            }
            String text = shown.toString();
            for (String secret : c.secrets()) {
                for (String form : forms(secret)) {
                    if (text.contains(form)) {
                        findings.add(new Finding(
                                Cause.SECRET_LEAKED,
                                "'" + mask(secret) + "' in logs/status/action output: " + around(text, form)));
                        break;
                    }
                }
            }
            // Command lines are world-readable (/proc/PID/cmdline); so is the CIB to the cluster's users.
            String commandLines = String.join("\n", firstCalls) + "\n" + String.join("\n", secondCalls);
            String cib = UpperDir.text(upper, Sandbox.SHIM_STATE + "/cib.xml");
            for (String secret : c.secrets()) {
                for (String form : forms(secret)) {
                    if (commandLines.contains(form)) {
                        findings.add(new Finding(
                                Cause.SECRET_LEAKED,
                                "'" + mask(secret) + "' in a command's arguments: " + around(commandLines, form)));
                        break;
                    }
                    if (cib.contains(form)) {
                        findings.add(new Finding(Cause.SECRET_LEAKED, "'" + mask(secret) + "' in the CIB"));
                        break;
                    }
                }
            }
            for (UpperDir.Entry f : afterSecond.worldReadableFiles()) {
                String content = UpperDir.text(upper, f.path());
                for (String secret : c.secrets()) {
                    for (String form : forms(secret)) {
                        if (content.contains(form)) {
                            findings.add(new Finding(
                                    Cause.SECRET_LEAKED,
                                    "'" + mask(secret) + "' in world-readable " + f.path() + " (mode "
                                            + Integer.toOctalString(f.mode()) + ")"));
                            break;
                        }
                    }
                }
            }
        }

        private void checkFiles() {
            for (UpperDir.Entry f : afterSecond.files()) {
                String injected = Injection.find(f.path(), UpperDir.text(upper, f.path()));
                if (injected != null) {
                    findings.add(new Finding(Cause.INJECTION, f.path() + ": " + injected));
                }
            }
        }

        private void checkSecondRun() {
            for (String change : afterFirst.differences(afterSecond)) {
                findings.add(new Finding(Cause.SECOND_RUN_CHANGE, "file " + change));
            }
            for (String call : secondCalls) {
                if (changesState(call)) {
                    findings.add(new Finding(Cause.SECOND_RUN_CHANGE, "ran '" + shorten(call, 160) + "'"));
                }
            }
            for (String field : List.of("relations", "state", "ports")) {
                JsonNode a = first.state().path(field);
                JsonNode b = second.state().path(field);
                if (!a.equals(b)) {
                    findings.add(new Finding(Cause.SECOND_RUN_CHANGE, "Juju " + field + " changed"));
                }
            }
        }

        private String log(List<ContractResult> runs) {
            StringBuilder b = new StringBuilder();
            b.append("== ").append(c.name()).append('\n');
            b.append("input:    ").append(c.input()).append('\n');
            b.append("event:    ")
                    .append(c.event().dispatchPath())
                    .append(c.event().isAction() ? " " + c.event().actionParams() : "")
                    .append('\n');
            b.append("expect:   ").append(c.expectation()).append('\n');
            for (int i = 0; i < runs.size(); i++) {
                ContractResult r = runs.get(i);
                b.append("run ")
                        .append(i + 1)
                        .append(": exit ")
                        .append(r.exitCode())
                        .append(", ")
                        .append(r.millis())
                        .append(" ms, status '")
                        .append(shorten(r.unitStatus(), 400))
                        .append("'");
                if (c.event().isAction()) {
                    b.append(", action ").append(shorten(r.action().toString(), 400));
                }
                b.append('\n');
                // The runner keeps the unit log across runs: show each run's own lines.
                int from = i == 0 ? 0 : runs.get(0).state().path("logs").size();
                JsonNode logs = r.state().path("logs");
                for (int j = from; j < logs.size(); j++) {
                    b.append("  log: ")
                            .append(shorten(logs.get(j).asText(), 400))
                            .append('\n');
                }
                if (!r.stderr().isBlank()) {
                    r.stderr()
                            .lines()
                            .limit(40)
                            .forEach(l -> b.append("  stderr: ")
                                    .append(shorten(l, 400))
                                    .append('\n'));
                }
            }
            firstCalls.forEach(call ->
                    b.append("  command (run 1): ").append(shorten(call, 200)).append('\n'));
            secondCalls.forEach(call ->
                    b.append("  command (run 2): ").append(shorten(call, 200)).append('\n'));
            afterSecond
                    .files()
                    .forEach(f -> b.append("  file: ")
                            .append(f.path())
                            .append(" ")
                            .append(Integer.toOctalString(f.mode()))
                            .append('\n'));
            if (findings.isEmpty()) {
                b.append("PASS\n");
            }
            dedupe(findings).forEach(f -> b.append("FAIL ").append(f).append('\n'));
            return b.toString();
        }
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        // The same defect in both runs is reported once, with the first run's wording.
        List<Finding> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Finding f : findings) {
            String k = f.cause() + f.detail().replaceFirst("^run [12]: ", "");
            if (!seen.contains(k)) {
                seen.add(k);
                out.add(f);
            }
        }
        return out;
    }

    /** A secret as given, and decoded when it is base64 of text (what a key file holds). */
    static List<String> forms(String secret) {
        List<String> out = new ArrayList<>(List.of(secret));
        try {
            byte[] decoded = Base64.getDecoder().decode(secret.strip());
            String text = new String(decoded, StandardCharsets.UTF_8);
            if (text.length() >= 8 && text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
                out.add(text);
            }
        } catch (IllegalArgumentException notBase64) {
            // only the raw form then
        }
        return out;
    }

    static String lastErrorLine(ContractResult r) {
        List<String> lines = (r.stderr() + "\n" + r.stdout())
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        String trace = firstTraceLine(r);
        if (trace != null) {
            return trace;
        }
        return lines.isEmpty() ? "no output" : shorten(lines.get(lines.size() - 1), 240);
    }

    /** The exception line of the first Java stack trace in the output or the unit log. */
    static String firstTraceLine(ContractResult r) {
        StringBuilder all =
                new StringBuilder(r.stderr()).append('\n').append(r.stdout()).append('\n');
        r.state().path("logs").forEach(l -> all.append(l.asText()).append('\n'));
        List<String> lines = all.toString().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (TRACE_MARKERS.stream().anyMatch(line::contains)) {
                if (line.contains("\tat ") && i > 0 && !lines.get(i - 1).contains("\tat ")) {
                    return shorten(lines.get(i - 1).strip(), 240) + " (" + shorten(line.strip(), 120) + ")";
                }
                return shorten(line.strip(), 240);
            }
        }
        return null;
    }

    static String mask(String secret) {
        return secret.length() <= 6 ? "***" : secret.substring(0, 3) + "..." + "(" + secret.length() + " chars)";
    }

    private static String around(String text, String form) {
        int at = text.indexOf(form);
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + form.length() + 20);
        return shorten(text.substring(from, to).replace(form, "<SECRET>").replace('\n', ' '), 200);
    }

    static String shorten(String s, int max) {
        String one = s.replace("\n", "\\n");
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
