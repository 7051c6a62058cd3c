package dev.instanceha.tests.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Real fencing on the lab cluster: installs this build's {@code fence_maas} where pacemaker-fenced
 * looks for agents, adds a {@code stonith:fence_maas} resource pointed at the MAAS simulator and
 * turns {@code stonith-enabled} on. {@link #close()} puts the cluster back as the lab left it
 * (stonith off, resource and fence history gone, the agent removed if this fixture installed it).
 */
public final class Fencing implements AutoCloseable {
    public static final String RESOURCE = "st-maas";
    private static final Path AGENT = Path.of("/usr/sbin/fence_maas");
    private static final Duration CMD = Duration.ofSeconds(60);

    private final Lab lab;
    private final boolean installedHere;
    private final String stonithAction;
    private final boolean configuresCluster;

    private Fencing(Lab lab, boolean installedHere, String stonithAction, boolean configuresCluster) {
        this.lab = lab;
        this.installedHere = installedHere;
        this.stonithAction = stonithAction;
        this.configuresCluster = configuresCluster;
    }

    /**
     * Only installs this build's fence_maas (for a test whose CIB comes from elsewhere, e.g. the
     * hacluster charm); {@link #close()} removes it again if it was not installed before.
     */
    public static Fencing installOnly(Lab lab) {
        return new Fencing(lab, install(lab), null, false);
    }

    /** Installs the agent with stonith-maas/install.sh; true if it was not there before. */
    private static boolean install(Lab lab) {
        Path repo = lab.dir().getParent().getParent();
        if (!Files.isRegularFile(repo.resolve("stonith-maas/target/dist/fence-maas.jar"))) {
            throw new Lab.LabUnavailable(
                    "stonith-maas is not built (no stonith-maas/target/dist); run: mvn -pl stonith-maas -am package");
        }
        boolean installedHere = !Files.exists(AGENT);
        Lab.run(
                Duration.ofMinutes(2),
                "sh",
                repo.resolve("stonith-maas/install.sh").toString());
        return installedHere;
    }

    /** As {@link #enable(Lab, MaasSim, String)} with pacemaker's default stonith-action (reboot). */
    public static Fencing enable(Lab lab, MaasSim maas) {
        return enable(lab, maas, null);
    }

    /**
     * Installs the agent, creates the stonith resource and enables fencing; waits until the fencer has
     * the device. {@code stonithAction} ({@code off} keeps a fenced host down until someone powers it
     * on, as instance-HA operators usually want) sets the cluster's stonith-action when not null.
     */
    public static Fencing enable(Lab lab, MaasSim maas, String stonithAction) {
        Fencing fencing = new Fencing(lab, install(lab), stonithAction, true);
        fencing.removeResource();
        Path keyFile = lab.runDir().resolve(Lab.MAAS_KEY_FILE);
        // The key stays in a root-only file: the CIB (readable by haclient) holds only its path.
        Lab.run(
                CMD,
                "cibadmin",
                "--create",
                "-o",
                "resources",
                "--xml-text",
                "<primitive id=\"" + RESOURCE + "\" class=\"stonith\" type=\"fence_maas\">"
                        + "<instance_attributes id=\"" + RESOURCE + "-ia\">"
                        + nv("url", maas.url()) + nv("api_key_file", keyFile.toString())
                        + nv("power_timeout", "20")
                        + "</instance_attributes>"
                        + "<operations><op id=\"" + RESOURCE
                        + "-monitor\" name=\"monitor\" interval=\"60s\" timeout=\"30s\"/></operations>"
                        + "</primitive>");
        if (stonithAction != null) {
            Lab.run(
                    CMD,
                    "crm_attribute",
                    "--type",
                    "crm_config",
                    "--name",
                    "stonith-action",
                    "--update",
                    stonithAction);
        }
        Lab.run(CMD, "crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "true");
        fencing.awaitRegistered(Duration.ofSeconds(60));
        return fencing;
    }

    private static String nv(String name, String value) {
        return "<nvpair id=\"" + RESOURCE + "-ia-" + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>";
    }

    private void awaitRegistered(Duration timeout) {
        Poll.until(
                timeout,
                Duration.ofMillis(500),
                () -> Lab.exec(CMD, "stonith_admin", "--list-registered"),
                r -> r.output().contains(RESOURCE),
                r -> "pacemaker-fenced did not register " + RESOURCE + " within " + timeout.toSeconds() + " s: "
                        + r.output() + "\n" + Lab.exec(CMD, "crm_mon", "-1").output());
    }

    /** The outcome of one {@code stonith_admin --fence} and how long it took. */
    public record FenceResult(int exitCode, String output, Duration took) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Asks the fencer to power the node off, as an operator would ({@code stonith_admin --fence}). */
    public FenceResult fence(String node, Duration timeout) {
        Instant start = Instant.now();
        Lab.Result r = Lab.exec(
                timeout.plusSeconds(30),
                "stonith_admin",
                "--fence",
                node,
                "--timeout",
                Long.toString(timeout.toSeconds()));
        return new FenceResult(r.exitCode(), r.output(), Duration.between(start, Instant.now()));
    }

    /** {@code stonith_admin --history <node> --verbose}: what the fencer recorded for the node. */
    public String history(String node) {
        return Lab.exec(CMD, "stonith_admin", "--history", node, "--verbose").output();
    }

    /** Waits until the fence history of {@code node} holds a line containing {@code text}. */
    public String awaitHistory(String node, String text, Duration timeout) {
        return Poll.until(
                timeout,
                Duration.ofMillis(500),
                () -> history(node),
                h -> h.contains(text),
                h -> "no '" + text + "' in the fence history of " + node + " within " + timeout.toSeconds() + " s:\n"
                        + h);
    }

    /** The whole CIB, as any member of haclient can read it. */
    public String cib() {
        return Lab.run(CMD, "cibadmin", "--query");
    }

    /**
     * Waits for a successful {@code action} (off, reboot) fence of {@code node} completed at or after
     * {@code since} (the history has whole seconds); returns its completion time. The history is read
     * as XML by the host monitor's parser, the project's one reader of pacemaker's documents.
     */
    public Instant awaitFenced(String node, String action, Instant since, Duration timeout) {
        Instant from = since.minusSeconds(1);
        return Poll.until(
                        timeout,
                        Duration.ofMillis(500),
                        () -> fencedAt(node, action, from),
                        Optional::isPresent,
                        none -> "no successful " + action + " of " + node + " since " + since + " within "
                                + timeout.toSeconds() + " s:\n" + history(node))
                .orElseThrow();
    }

    /**
     * The latest completion of a successful {@code action} of {@code node} at or after {@code from}, if
     * any, from stonith_admin's verbose history (its text names each operation's outcome and time; the
     * XML form missed successes in the failed-fence drill, see docs/lab.md).
     */
    private Optional<Instant> fencedAt(String node, String action, Instant from) {
        Optional<Instant> latest = Optional.empty();
        for (String line : history(node).split("\n")) {
            java.util.regex.Matcher m = COMPLETED.matcher(line);
            if (line.contains(action + " of " + node + " successful") && m.find()) {
                Instant t = java.time.LocalDateTime.parse(m.group(1).replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC);
                if (!t.isBefore(from) && latest.map(t::isAfter).orElse(true)) {
                    latest = Optional.of(t);
                }
            }
        }
        return latest;
    }

    private static final java.util.regex.Pattern COMPLETED =
            java.util.regex.Pattern.compile("completed='([0-9-]+ [0-9:]+)(?:\\.[0-9]+)?Z'");

    public void clearHistory() {
        Lab.exec(CMD, "stonith_admin", "--cleanup", "--history", "*");
    }

    private void removeResource() {
        Lab.exec(CMD, "cibadmin", "--delete", "-o", "resources", "--xml-text", "<primitive id=\"" + RESOURCE + "\"/>");
    }

    @Override
    public void close() {
        if (configuresCluster) {
            unconfigureCluster();
        }
        if (installedHere) {
            Lab.exec(
                    CMD,
                    "sh",
                    lab.dir()
                            .getParent()
                            .getParent()
                            .resolve("stonith-maas/install.sh")
                            .toString(),
                    "--uninstall");
        }
    }

    private void unconfigureCluster() {
        Lab.exec(CMD, "crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "false");
        if (stonithAction != null) {
            Lab.exec(CMD, "crm_attribute", "--type", "crm_config", "--name", "stonith-action", "--delete");
        }
        removeResource();
        clearHistory();
    }
}
