package dev.instanceha.tests.lab;

import java.time.Duration;
import java.time.Instant;

/**
 * The lab's real corosync + pacemaker cluster: one member node ({@code lab-controller}) and the
 * remote compute hosts ({@code compute<N>}, 10.251.0.N+1, each a network namespace running
 * pacemaker-remoted). Snapshots ({@link CrmMonView}) come from {@code crm_mon -1 -X}; failures are real (host-power).
 */
public final class Cluster {
    public static final String MEMBER = Lab.CLUSTER_NODE;
    private final Lab lab;

    Cluster(Lab lab) {
        this.lab = lab;
    }

    public CrmMonView crmMon() {
        return CrmMonView.parse(Lab.run(Duration.ofSeconds(30), "crm_mon", "-1", "-X"));
    }

    /** Waits until the node's online flag equals {@code online}; returns the snapshot and how long it took. */
    public Timed<CrmMonView> awaitOnline(String node, boolean online, Duration timeout) {
        Instant start = Instant.now();
        // A crm_mon still starting prints no cluster view: keep polling rather than fail on it.
        java.util.Optional<CrmMonView> s = Poll.until(
                timeout,
                Duration.ofMillis(500),
                () -> CrmMonView.tryParse(Lab.run(Duration.ofSeconds(30), "crm_mon", "-1", "-X")),
                v -> v.isPresent() && v.get().cluster().online(node) == online,
                v -> node + " did not become " + (online ? "online" : "offline") + " within " + timeout.toSeconds()
                        + " s; crm_mon nodes: "
                        + v.map(view -> view.cluster().nodes().toString()).orElse("(no cluster view)"));
        return new Timed<>(s.orElseThrow(), Duration.between(start, Instant.now()));
    }

    /** A value and the time it took to get it. */
    public record Timed<T>(T value, Duration took) {}

    /**
     * Runs a command "on" a compute host: in its network and UTS namespaces (address 10.251.x.y,
     * hostname computeN), entered through its pacemaker-remoted's PID. Returns the output; fails on
     * a non-zero exit. {@code crm_mon} there is answered through the remote daemon's proxy.
     */
    public String execOn(String host, Duration timeout, String... command) {
        String pid = remotedPid(host);
        String[] cmd = new String[command.length + 6];
        cmd[0] = "nsenter";
        cmd[1] = "--target";
        cmd[2] = pid;
        cmd[3] = "--net";
        cmd[4] = "--uts";
        cmd[5] = "--";
        System.arraycopy(command, 0, cmd, 6, command.length);
        return Lab.run(timeout, cmd);
    }

    /** crm_mon -1 -X as seen from inside a compute host (what a host monitor there reads). */
    public CrmMonView crmMonOn(String host) {
        return CrmMonView.parse(execOn(host, Duration.ofSeconds(30), "crm_mon", "-1", "-X"));
    }

    private String remotedPid(String host) {
        java.nio.file.Path f = lab.runDir().resolve("pids/remote-" + host + ".pid");
        try {
            String pid = java.nio.file.Files.readString(f).strip().split("\\s+")[0];
            if (!java.nio.file.Files.exists(java.nio.file.Path.of("/proc", pid))) {
                throw new AssertionError(host + "'s pacemaker-remoted (pid " + pid + ") is not running");
            }
            return pid;
        } catch (java.io.IOException e) {
            throw new Lab.LabUnavailable(host + " is not a running lab host (no " + f + ")");
        }
    }

    /** Cuts the host's link (its daemon keeps running): a network partition. */
    public void cutLink(String host) {
        hostPower("cut", host);
    }

    public void restoreLink(String host) {
        hostPower("restore", host);
    }

    /** Kills the host's pacemaker-remoted and drops its link (what MAAS power_off does in the lab). */
    public void killHost(String host) {
        hostPower("off", host);
    }

    public void startHost(String host) {
        hostPower("on", host);
    }

    /**
     * Brings a compute host back whatever a test left it in: MAAS failure mode cleared, powered on
     * through MAAS if it is off, its link restored if it is on but out of the cluster (a test that
     * failed between a link cut and the fence); then waits until it is online again.
     */
    public void bringBack(MaasSim maas, String host, Duration timeout) throws InterruptedException {
        maas.failure(host, "none");
        if (!"on".equals(maas.powerState(host))) {
            maas.powerOn(host).expect(200);
        } else if (!crmMon().cluster().online(host)) {
            restoreLink(host);
        }
        awaitOnline(host, true, timeout);
    }

    /** The address of compute host {@code compute<N>} inside 10.251.0.0/16. */
    public static String address(String host) {
        int n = Integer.parseInt(host.replaceAll("^compute(\\d+).*$", "$1"));
        return "10.251." + (n / 250) + "." + (n % 250 + 1);
    }

    private void hostPower(String action, String host) {
        Lab.Result r = lab.script(Duration.ofMinutes(1), false, "host-power", action, host);
        if (r.exitCode() != 0) {
            throw new AssertionError("tests/lab/host-power " + action + " " + host + " failed: " + r.output());
        }
    }
}
