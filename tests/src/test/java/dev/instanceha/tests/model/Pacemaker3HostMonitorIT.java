package dev.instanceha.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.cluster.FenceEvent;
import dev.instanceha.hostmonitor.cluster.NodeType;
import dev.instanceha.simulators.maas.FailureMode;
import dev.instanceha.simulators.maas.MaasSimulator;
import dev.instanceha.simulators.maas.MachineSpec;
import dev.instanceha.simulators.maas.PowerState;
import dev.instanceha.simulators.maas.ShellPowerHook;
import dev.instanceha.tests.lab.CrmMonView;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.MaasSim;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The host monitor against a real pacemaker 3.0 (Debian trixie) cluster on model machines: a member
 * running pacemaker, corosync, this build's fence_maas and the host monitor (on trixie's Java 21), and
 * a pacemaker-remote machine whose power the MAAS simulator really cuts (lxc-stop -k).
 *
 * <p>Notifications are observed in the monitor's decision log (dry-run delivery: Masakari needs
 * Keystone, out of scope here): a STOPPED is the line {@code decision host=H ... [notify STOPPED ...]}.
 * Every crm_mon document seen at a stage is kept under target/pcmk3-fixtures, in both XML forms.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pacemaker3HostMonitorIT {
    private static final String BASE = "trixie";
    private static final String MEMBER = "pcmk3-member";
    private static final String REMOTE = "pcmk3-remote";
    private static final int STONITH_WAIT_S = 30;
    private static final Duration MARGIN = Duration.ofSeconds(15);
    /** A few polls of the monitor (poll_interval 1 s) and of this test (0.5 s). */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Path FIXTURES = Path.of("target/pcmk3-fixtures");

    private static final Map<String, String> figures = new LinkedHashMap<>();
    private static Instant started;
    private static Machines machines;
    private static PacemakerModelCluster cluster;
    private static MaasSimulator simulator;
    private static MaasSim maas;

    @BeforeAll
    static void formTheCluster() throws Exception {
        started = Instant.now();
        machines = Machines.find();
        machines.requireHost();
        machines.destroy(existing(MEMBER, REMOTE));
        Duration image = machines.image(BASE);
        figures.put("image " + BASE + " (build or cache check)", seconds(image));
        Machines.Machine member = machines.launch(MEMBER, BASE, "10.251.200.10");
        Machines.Machine remote = machines.launch(REMOTE, BASE, "10.251.200.11");
        figures.put(
                "launch " + MEMBER + " (create + boot)",
                seconds(member.launchTook()) + " — "
                        + member.launchOutput().strip().replace('\n', ' '));
        figures.put("launch " + REMOTE + " (create + boot)", seconds(remote.launchTook()));

        Path work = machines.home().resolve("pcmk3");
        cluster = PacemakerModelCluster.form(member, remote, "openjdk-21-jre-headless", work);
        cluster.timings().forEach((k, v) -> figures.put(k, seconds(v)));

        String apiKey = hex(9) + ":" + hex(9) + ":" + hex(16);
        String power = machines.scriptPath("power").toString();
        simulator = MaasSimulator.builder()
                .apiKey(apiKey)
                .bindAddress(InetAddress.getByName(Machines.HOST))
                .port(0)
                .machine(MachineSpec.deployed(REMOTE))
                .powerHook(new ShellPowerHook(power + " {target} {hostname}", Duration.ofSeconds(60)))
                .start();
        maas = new MaasSim(simulator.url(), apiKey);
        installFenceMaas(member, apiKey);
        installHostMonitor(member);
        member.run(SHORT, "crm_attribute", "--type", "crm_config", "--name", "stonith-action", "--update", "off");
        member.run(SHORT, "crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "true");
        cluster.await(
                "fence_maas started",
                Duration.ofSeconds(60),
                v -> v.xml().contains("id=\"maas-fence\"")
                        && v.xml().matches("(?s).*id=\"maas-fence\"[^>]*role=\"Started\".*"));
    }

    private static void installFenceMaas(Machines.Machine member, String apiKey) throws IOException {
        Path dist = Path.of("../stonith-maas/target/dist");
        if (!Files.isRegularFile(dist.resolve("fence-maas.jar"))) {
            throw new MachinesUnavailable("no " + dist.toAbsolutePath()
                    + "/fence-maas.jar: build with mvn -pl stonith-maas,tests -am verify");
        }
        member.push(dist.resolve("fence-maas.jar"), "/usr/share/fence-maas/fence-maas.jar", "root:root", "0644");
        member.push(dist.resolve("fence_maas"), "/usr/sbin/fence_maas", "root:root", "0755");
        // The key reaches the agent through a root-only file; the CIB (readable by haclient) names only its path.
        member.write("/etc/fence-maas/api-key", apiKey + "\n", "root:root", "0600");
        member.run(Duration.ofMinutes(2), "/usr/sbin/fence_maas", "--build-cds-archive");
        String status = member.sh(
                SHORT,
                "printf 'action=status\\nurl=%s\\napi_key_file=/etc/fence-maas/api-key\\nplug=%s\\n' '" + maas.url()
                        + "' '" + REMOTE + "' | /usr/sbin/fence_maas");
        assertTrue(status.contains("ON"), "fence_maas status on Java 21 against the simulator: " + status);
        member.run(
                SHORT,
                "cibadmin",
                "--create",
                "-o",
                "resources",
                "--xml-text",
                "<primitive id=\"maas-fence\" class=\"stonith\" type=\"fence_maas\"><instance_attributes id=\"maas-fence-ia\">"
                        + nv("url", maas.url()) + nv("api_key_file", "/etc/fence-maas/api-key")
                        + nv("power_timeout", "10") + nv("pcmk_host_list", REMOTE)
                        + "</instance_attributes><operations><op id=\"maas-fence-monitor\" name=\"monitor\" interval=\"60s\" "
                        + "timeout=\"30s\"/></operations></primitive>");
    }

    private static void installHostMonitor(Machines.Machine member) {
        Path jar = Path.of("../hostmonitor-patch/target/masakari-hostmonitor.jar");
        Path launcher = Path.of("../hostmonitor-patch/src/main/dist/bin/masakari-hostmonitor-java");
        if (!Files.isRegularFile(jar)) {
            throw new MachinesUnavailable(
                    "no " + jar.toAbsolutePath() + ": build with mvn -pl hostmonitor-patch,tests -am verify");
        }
        member.push(jar, "/usr/share/masakari-hostmonitor-java/masakari-hostmonitor.jar", "root:root", "0644");
        member.push(launcher, "/usr/bin/masakari-hostmonitor-java", "root:root", "0755");
        member.write(
                "/etc/masakarimonitors/masakarimonitors.conf",
                """
                [api]
                auth_url = http://%s:5000/v3
                username = masakari
                password = not-used-by-a-dry-run
                project_name = services
                user_domain_name = Default
                project_domain_name = Default
                [host]
                restrict_to_remotes = True
                disable_ipmi_check = True
                monitoring_samples = 1
                stonith_wait = %d
                [hostmonitor_java]
                poll_interval = 1
                dry_run = True
                """.formatted(Machines.HOST, STONITH_WAIT_S),
                "root:root",
                "0640");
        member.run(
                SHORT,
                "systemd-run",
                "--unit=masakari-hostmonitor-java",
                "--property=Group=haclient",
                "/usr/bin/masakari-hostmonitor-java");
    }

    @Test
    @Order(1)
    void theClusterIsOnlineWithItsRemoteAndTheMonitorSeesIt() throws Exception {
        CrmMonView v = cluster.await(
                REMOTE + " online", Duration.ofSeconds(60), x -> x.cluster().online(REMOTE));
        assertTrue(v.cluster().quorate(), "one-node cluster has quorum");
        assertTrue(v.cluster().online(MEMBER), MEMBER + " online");
        assertEquals(
                NodeType.REMOTE,
                v.cluster().node(REMOTE).orElseThrow().type(),
                "pacemaker knows " + REMOTE + " as a remote node");
        assertTrue(v.xml().contains("version=\"3.0."), "pacemaker 3.0 is what runs: " + v.xml());
        capture("01-remote-online");
        awaitDecision("first seen online", Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void aLostRemoteIsFencedThroughMaasAndReportedStoppedExactlyOnce() throws Exception {
        simulator.setPowerDelay(Duration.ofSeconds(3)); // a BMC that takes a moment: the pending fence is visible
        simulator.clearOperations();
        awaitSettled();
        int stoppedBefore = stoppedNotifications();
        Instant cut = cutRemote();
        CrmMonView done = watchFence("02-fence-pending", FenceEvent.Status.SUCCESS, Duration.ofSeconds(120));
        Instant fenced = Instant.now();
        figures.put("successful fence: link cut -> fence success seen", seconds(Duration.between(cut, fenced)));
        capture("03-fenced-off");
        assertEquals(PowerState.OFF, simulator.powerState(REMOTE), "success may only be reported with the machine off");
        int powerOffs = simulator.operations("power_off").size();
        figures.put("successful fence: MAAS power_off calls", Integer.toString(powerOffs));
        assertTrue(powerOffs >= 1, "the fence went through MAAS");
        assertTrue(simulator.operations("power_on").isEmpty(), "stonith-action off: nothing powered it on again");
        assertEquals("STOPPED", cluster.remote().state(), "MAAS power_off really cut the remote machine's power");
        assertFalse(done.cluster().online(REMOTE));

        Instant deadline = cut.plusSeconds(STONITH_WAIT_S).plus(MARGIN).plus(MARGIN);
        while (stoppedNotifications() == stoppedBefore && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Instant notified = Instant.now();
        Thread.sleep(5000); // a second STOPPED would come within a few polls
        int sent = stoppedNotifications() - stoppedBefore;
        figures.put(
                "successful fence: fence success -> STOPPED in the decision log",
                sent == 0 ? "none" : seconds(Duration.between(fenced, notified)));
        figures.put("successful fence: monitor decisions", decisions());
        capture("04-fenced-off-after-notification");
        assertEquals(1, sent, "exactly one STOPPED for a fenced remote; decisions:\n" + decisions());
        assertTrue(
                Duration.between(fenced, notified).compareTo(PROMPT) <= 0,
                "a confirmed fence is reported at once " + "(within " + PROMPT.toSeconds()
                        + " s), not only after stonith_wait; decisions:\n" + decisions());
    }

    @Test
    @Order(3)
    void aFencedRemotePoweredBackOnThroughMaasRejoinsAndIsReportedStarted() throws Exception {
        bringRemoteBack();
        awaitDecision("notify STARTED", Duration.ofSeconds(30));
    }

    @Test
    @Order(4)
    void aFenceThatNeverPowersTheMachineOffIsNeverReportedAsADeadHost() throws Exception {
        bringRemoteBack(); // whatever the earlier tests left
        simulator.setFailure(REMOTE, FailureMode.NEVER_OFF);
        simulator.clearOperations();
        cluster.cleanUp();
        awaitSettled();
        int stoppedBefore = stoppedNotifications();
        int quietBefore = quietLeaves();
        Instant cut = cutRemote();
        CrmMonView failed = watchFence("05-never-off-fence-pending", FenceEvent.Status.FAILED, Duration.ofSeconds(120));
        figures.put("failed fence: link cut -> fence failed seen", seconds(Duration.between(cut, Instant.now())));
        capture("06-never-off-fence-failed");
        assertTrue(
                failed.cluster().fenceEvents(REMOTE, FenceEvent.Status.SUCCESS).isEmpty(),
                "no successful fence: " + failed.cluster().fenceHistory());

        Instant until = cut.plusSeconds(STONITH_WAIT_S).plus(MARGIN);
        while (Instant.now().isBefore(until)) {
            Thread.sleep(1000);
        }
        CrmMonView after = CrmMonView.parse(cluster.crmMonXml(false));
        capture("07-never-off-after-stonith-wait");
        int sent = stoppedNotifications() - stoppedBefore;
        figures.put(
                "failed fence: STOPPED sent within stonith_wait + " + MARGIN.toSeconds() + " s",
                Integer.toString(sent));
        figures.put("failed fence: monitor decisions", decisions());
        assertFalse(
                after.cluster().fenceEvents(REMOTE, FenceEvent.Status.FAILED).isEmpty(),
                "fence history shows the failed fence: " + after.cluster().fenceHistory());
        assertTrue(
                after.cluster().fenceEvents(REMOTE, FenceEvent.Status.SUCCESS).isEmpty(),
                "and no success: " + after.cluster().fenceHistory());
        assertEquals(PowerState.ON, simulator.powerState(REMOTE), "MAAS never powered it off");
        assertEquals("RUNNING", cluster.remote().state(), "the machine still runs (it may run instances)");
        assertEquals(
                quietBefore,
                quietLeaves(),
                "a host the cluster is fencing is no clean leave (a later successful "
                        + "fence would then go unreported); decisions:\n" + decisions());
        assertEquals(
                0,
                sent,
                "a failed fence must not be reported as a dead host (STOPPED would evacuate a host "
                        + "that may still run its instances); decisions:\n" + decisions());
    }

    @AfterAll
    static void tearDown() {
        try {
            if (machines != null) {
                figures.put(
                        "status before destroy",
                        "\n[model]     " + machines.status().strip().replace("\n", "\n[model]     "));
                if (cluster != null) {
                    saveMonitorLog();
                    saveMemberLog("pacemaker", "pcmk3-member-pacemaker.log");
                    saveMemberLog("corosync", "pcmk3-member-corosync.log");
                    figures.put("memory " + MEMBER, mib(cluster.member().memoryBytes()));
                    figures.put("memory " + REMOTE, mib(cluster.remote().memoryBytes()));
                }
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            if (machines != null) {
                machines.destroyAll();
                figures.put("IT total", seconds(Duration.between(started, Instant.now())));
                System.out.println("[model] Pacemaker3HostMonitorIT figures:");
                figures.forEach((k, v) -> System.out.println(
                        "[model]   " + k + ": " + v.replaceAll("\n(?!\\[model\\])", "\n[model]     ")));
                List<String> left = machines.leftovers();
                assertTrue(left.isEmpty(), "destroy left something behind: " + left);
            }
        }
    }

    // ---- helpers ----

    /** Kills the remote's pacemaker-remoted and cuts its link: the cluster loses it, it keeps running. */
    private static Instant cutRemote() {
        Instant at = Instant.now();
        cluster.remote().exec(SHORT, "systemctl", "kill", "--signal=KILL", "pacemaker_remote");
        cluster.remote().link(false);
        return at;
    }

    /** Polls until a fence of the remote reaches {@code status}; saves the first pending document seen. */
    private static CrmMonView watchFence(String pendingStage, FenceEvent.Status status, Duration timeout)
            throws Exception {
        boolean[] pendingSaved = {false};
        return cluster.await("fence of " + REMOTE + " " + status, timeout, v -> {
            if (!pendingSaved[0]
                    && !v.cluster()
                            .fenceEvents(REMOTE, FenceEvent.Status.PENDING)
                            .isEmpty()) {
                pendingSaved[0] = true;
                saveBothForms(pendingStage, v.xml());
            }
            return !v.cluster().fenceEvents(REMOTE, status).isEmpty();
        });
    }

    /** Powers the remote on through MAAS if it is off (it boots again), clears its failed connection, rejoins. */
    private static void bringRemoteBack() throws InterruptedException {
        simulator.setPowerDelay(Duration.ZERO);
        if (simulator.powerState(REMOTE) != PowerState.ON) {
            maas.powerOn(REMOTE);
        }
        awaitMachine("RUNNING", Duration.ofSeconds(60));
        cluster.remote().link(true);
        cluster.cleanUp();
        cluster.await(
                REMOTE + " back online",
                Duration.ofSeconds(120),
                v -> v.cluster().online(REMOTE));
    }

    /**
     * Before a cut: the remote online, no failed action and no fence history, over 5 readings in a row,
     * so the loss the monitor sees is this test's cut and not an earlier reconnect.
     */
    private static void awaitSettled() throws InterruptedException {
        int[] streak = {0};
        cluster.await(
                REMOTE + " online and settled (no failed action, no fence history)", Duration.ofSeconds(90), v -> {
                    boolean settled = v.cluster().online(REMOTE)
                            && v.cluster().fenceHistory().isEmpty()
                            && v.cluster().failures().size() == 0;
                    streak[0] = settled ? streak[0] + 1 : 0;
                    return streak[0] >= 5;
                });
    }

    private static int quietLeaves() {
        return (int)
                decisions().lines().filter(l -> l.contains("-> OFFLINE_QUIET")).count();
    }

    private static void awaitMachine(String state, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!state.equals(cluster.remote().state())) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(REMOTE + " not " + state + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static String monitorLog() {
        return cluster.member()
                .run(SHORT, "journalctl", "--unit=masakari-hostmonitor-java", "--no-pager", "--output=cat");
    }

    private static String decisions() {
        return String.join(
                "\n",
                monitorLog()
                        .lines()
                        .filter(l -> l.contains("decision host=" + REMOTE))
                        .toList());
    }

    private static int stoppedNotifications() {
        return (int) monitorLog()
                .lines()
                .filter(l -> l.contains("decision host=" + REMOTE) && l.contains("[notify STOPPED"))
                .count();
    }

    private static void awaitDecision(String text, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (decisions().lines().noneMatch(l -> l.contains(text))) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the monitor logged no decision '" + text + "' in " + timeout.toSeconds()
                        + " s:\n" + Lab.tail(monitorLog(), 30));
            }
            Thread.sleep(500);
        }
    }

    private static void capture(String stage) {
        try {
            Files.createDirectories(FIXTURES);
            Files.writeString(FIXTURES.resolve(stage + ".output-as-xml.xml"), cluster.crmMonXml(false));
            Files.writeString(FIXTURES.resolve(stage + ".X.xml"), cluster.crmMonXml(true));
        } catch (IOException e) {
            throw new AssertionError("cannot save crm_mon fixtures: " + e, e);
        }
    }

    /** A pending fence lasts seconds: keep the document that showed it, and the -X form right after. */
    private static void saveBothForms(String stage, String outputAsXml) {
        try {
            Files.createDirectories(FIXTURES);
            Files.writeString(FIXTURES.resolve(stage + ".output-as-xml.xml"), outputAsXml);
            Files.writeString(FIXTURES.resolve(stage + ".X.xml"), cluster.crmMonXml(true));
        } catch (IOException e) {
            throw new AssertionError("cannot save crm_mon fixtures: " + e, e);
        }
    }

    private static void saveMonitorLog() {
        try {
            Path log = machines.logs().resolve("pcmk3-hostmonitor.log");
            Files.writeString(log, monitorLog());
            figures.put("host monitor log", log.toString());
        } catch (RuntimeException | IOException e) {
            figures.put("host monitor log", "not saved: " + e.getMessage());
        }
    }

    private static void saveMemberLog(String unit, String file) {
        try {
            Path log = machines.logs().resolve(file);
            Files.writeString(log, cluster.member().run(SHORT, "journalctl", "--unit=" + unit, "--no-pager"));
            figures.put(unit + " log", log.toString());
        } catch (RuntimeException | IOException e) {
            figures.put(unit + " log", "not saved: " + e.getMessage());
        }
    }

    private static String[] existing(String... names) {
        return java.util.Arrays.stream(names)
                .filter(n -> Files.exists(machines.home().resolve("lxc").resolve(n)))
                .toArray(String[]::new);
    }

    private static String nv(String name, String value) {
        return "<nvpair id=\"maas-fence-ia-" + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>";
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format("%.0f MiB", bytes / 1048576.0);
    }
}
