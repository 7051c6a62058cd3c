package dev.instanceha.tests.model;

import dev.instanceha.tests.lab.CrmMonView;
import dev.instanceha.tests.lab.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real pacemaker cluster on model machines: one member (pacemaker + corosync, knet on its bridge
 * address) and one pacemaker-remote node with the shared authkey and an {@code ocf:pacemaker:remote}
 * resource, from Debian packages installed through the model's apt cache. Records how long each step
 * took, for the report.
 */
public final class PacemakerModelCluster {
    public static final String MEMBER_PACKAGES = "pacemaker pacemaker-cli-utils corosync";
    private static final Duration APT = Duration.ofMinutes(8);
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Duration SERVICE = Duration.ofMinutes(3);

    private final Machines.Machine member;
    private final Machines.Machine remote;
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    private PacemakerModelCluster(Machines.Machine member, Machines.Machine remote) {
        this.member = member;
        this.remote = remote;
    }

    /**
     * Installs and forms the cluster. {@code extraMemberPackages} go onto the member with pacemaker
     * (a Java runtime for fence_maas and the host monitor, say).
     */
    public static PacemakerModelCluster form(
            Machines.Machine member, Machines.Machine remote, String extraMemberPackages, Path workDir)
            throws InterruptedException {
        PacemakerModelCluster c = new PacemakerModelCluster(member, remote);
        c.timed("apt-get update (both machines)", () -> {
            member.run(APT, "apt-get", "update", "-q");
            remote.run(APT, "apt-get", "update", "-q");
        });
        c.timed(
                "apt-get install on " + member.name() + " (" + MEMBER_PACKAGES + " " + extraMemberPackages + ")",
                () -> member.sh(APT, "apt-get install -y -q " + MEMBER_PACKAGES + " " + extraMemberPackages));
        c.timed(
                "apt-get install on " + remote.name() + " (pacemaker-remote)",
                () -> remote.run(APT, "apt-get", "install", "-y", "-q", "pacemaker-remote"));
        Path authkey = workDir.resolve("authkey");
        writeAuthkey(authkey);
        try {
            for (Machines.Machine m : new Machines.Machine[] {member, remote}) {
                m.push(authkey, "/etc/pacemaker/authkey", "root:haclient", "0640");
            }
        } finally {
            deleteQuietly(authkey); // the machines hold it now; no copy stays on the host
        }
        member.write("/etc/corosync/corosync.conf", corosyncConf(member), "root:root", "0644");
        c.timed("cluster formed (corosync + pacemaker restarted, DC elected)", () -> {
            // The packages started both daemons with Debian's default corosync.conf: stop pacemaker
            // before corosync (the reverse makes pacemaker's shutdown wait), then start on ours.
            remote.run(SERVICE, "systemctl", "restart", "pacemaker_remote");
            member.run(SERVICE, "systemctl", "stop", "pacemaker");
            member.run(SERVICE, "systemctl", "restart", "corosync");
            member.run(SERVICE, "systemctl", "start", "pacemaker");
            c.await(
                    "a DC with quorum",
                    Duration.ofSeconds(90),
                    v -> v.cluster().quorate() && v.cluster().online(member.name()));
        });
        c.timed("remote " + remote.name() + " online", () -> {
            member.run(SHORT, "crm_attribute", "--type", "crm_config", "--name", "dc-deadtime", "--update", "5s");
            // Fencing stays off until a test adds a device: with it on and no device, pacemaker holds
            // a never-seen remote as unclean and starts nothing.
            member.run(
                    SHORT, "crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "false");
            member.run(SHORT, "cibadmin", "--create", "-o", "resources", "--xml-text", remoteResource(remote));
            c.await(
                    remote.name() + " online",
                    Duration.ofSeconds(60),
                    v -> v.cluster().online(remote.name()));
        });
        return c;
    }

    private static void writeAuthkey(Path authkey) {
        byte[] key = new byte[4096];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(authkey.getParent());
            Files.deleteIfExists(authkey);
            Files.createFile(
                    authkey,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.write(authkey, key);
        } catch (IOException e) {
            throw new MachinesUnavailable("cannot write the pacemaker authkey: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("[model] could not delete " + file + ": " + e.getMessage());
        }
    }

    /** corosync 3 with knet on the member's bridge address; a one-node votequorum. */
    static String corosyncConf(Machines.Machine member) {
        return """
                totem {
                    version: 2
                    cluster_name: model
                    transport: knet
                    crypto_cipher: none
                    crypto_hash: none
                }
                nodelist {
                    node {
                        ring0_addr: %s
                        name: %s
                        nodeid: 1
                    }
                }
                quorum {
                    provider: corosync_votequorum
                }
                logging {
                    to_syslog: yes
                    to_logfile: no
                    timestamp: on
                }
                """.formatted(member.address(), member.name());
    }

    static String remoteResource(Machines.Machine remote) {
        String id = remote.name();
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"pacemaker\" type=\"remote\">"
                + "<instance_attributes id=\"" + id + "-ia\"><nvpair id=\"" + id + "-server\" name=\"server\" value=\""
                + remote.address() + "\"/></instance_attributes>"
                + "<operations><op id=\"" + id
                + "-monitor\" name=\"monitor\" interval=\"5s\" timeout=\"15s\"/></operations>"
                + "</primitive>";
    }

    public Machines.Machine member() {
        return member;
    }

    public Machines.Machine remote() {
        return remote;
    }

    public Map<String, Duration> timings() {
        return timings;
    }

    /** crm_mon on the member with the fence history; {@code legacy} picks {@code -X} over {@code --output-as=xml}. */
    public String crmMonXml(boolean legacy) {
        return member.run(SHORT, "crm_mon", "-1", legacy ? "-X" : "--output-as=xml", "--fence-history=3");
    }

    public CrmMonView view() {
        return CrmMonView.parse(crmMonXml(false));
    }

    /** Polls crm_mon (every 0.5 s) until the predicate holds; fails with the last document. */
    public CrmMonView await(String what, Duration timeout, Predicate<CrmMonView> done) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        CrmMonView last = null;
        while (Instant.now().isBefore(end)) {
            Lab.Result r = member.exec(SHORT, "crm_mon", "-1", "--output-as=xml", "--fence-history=3");
            java.util.Optional<CrmMonView> view =
                    r.exitCode() == 0 ? CrmMonView.tryParse(r.output()) : java.util.Optional.empty();
            if (view.isPresent()) {
                last = view.get();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not " + what + " within " + timeout.toSeconds() + " s; last crm_mon:\n"
                + (last == null ? "(none)" : last.xml()));
    }

    /** Clears the remote's failed connection and fence history, so the next test starts clean. */
    public void cleanUp() {
        member.run(SHORT, "crm_resource", "--cleanup", "--resource", remote.name());
        member.run(SHORT, "stonith_admin", "--cleanup", "--history", remote.name());
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    private void timed(String what, Step step) throws InterruptedException {
        long start = System.nanoTime();
        step.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.put(what, took);
        System.out.printf("[model] %s: %.1f s%n", what, took.toMillis() / 1000.0);
    }
}
