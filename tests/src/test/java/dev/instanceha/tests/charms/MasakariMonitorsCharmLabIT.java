package dev.instanceha.tests.charms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.monitors.MasakariMonitorsCharm;
import dev.instanceha.ops.hooktools.StatusLevel;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import dev.instanceha.tests.lab.Cluster;
import dev.instanceha.tests.lab.Fencing;
import dev.instanceha.tests.lab.HostMonitorDaemon;
import dev.instanceha.tests.lab.Keystone;
import dev.instanceha.tests.lab.Lab;
import dev.instanceha.tests.lab.LabTest;
import dev.instanceha.tests.lab.MaasSim;
import dev.instanceha.tests.lab.Masakari;
import dev.instanceha.tests.lab.NovaSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masakari-monitors charm's rendering against the real programs: the charm, driven through the
 * testing kit with keystone's identity-credentials answer for a real Keystone user, writes
 * masakarimonitors.conf; the host monitor the charm ships runs with exactly that file (plus one
 * override: its outbox in a temporary directory), authenticates to the lab's Keystone and reports a
 * compute host that lost its link and was fenced to the real masakari-api.
 */
@LabTest(computes = 3)
class MasakariMonitorsCharmLabIT {
    private static final Path MODULE = Path.of("../charm-masakari-monitors");
    private static final String USER = "masakari-monitors";
    private static final String SEGMENT = "monitors-charm-proof";
    private static final String FAILED = "compute1";

    @Test
    void theShippedMonitorOnTheRenderedConfigReportsAFencedHostToMasakari(
            Lab lab,
            Keystone keystone,
            Masakari masakari,
            MaasSim maas,
            Cluster cluster,
            NovaSim nova,
            @TempDir Path dir)
            throws Exception {
        String password = "lab-" + UUID.randomUUID();
        keystone.ensureUser(USER, password, "services", "admin");
        Path conf = renderedByTheCharm(password, keystone.projectId("services"), dir);
        String text = Files.readString(conf);
        assertFalse(text.contains("restrict_to_remotes = False"), "pacemaker-remote computes need restrict_to_remotes");
        Path outbox = dir.resolve("outbox");
        Path override = Files.writeString(
                dir.resolve("test-override.conf"), "[hostmonitor_java]\noutbox_dir = " + outbox + "\n");
        Path launcher = MODULE.resolve("target/charm-src/hostmonitor/masakari-hostmonitor-java");
        assertTrue(Files.isRegularFile(launcher), "the charm build ships the monitor: " + launcher);

        Masakari.Client api = masakari.admin();
        api.deleteSegments(SEGMENT);
        String segment = api.createSegment(SEGMENT, "auto").get("uuid").asText();
        String hostUuid = null;
        for (String h : List.of("compute1", "compute2", "compute3")) {
            cluster.awaitOnline(h, true, Duration.ofSeconds(90));
            nova.restoreHost(h);
            String uuid = api.createHost(segment, h)
                    .expect(201)
                    .json()
                    .at("/host/uuid")
                    .asText();
            hostUuid = h.equals(FAILED) ? uuid : hostUuid;
        }
        Fencing fencing = Fencing.enable(lab, maas, "off");
        HostMonitorDaemon monitor = HostMonitorDaemon.startWith(
                HostMonitorDaemon.Kind.JAVA,
                List.of("sh", launcher.toString()),
                dir.resolve("run"),
                List.of(conf, override));
        try {
            monitor.awaitLog("host=" + FAILED + " UNKNOWN -> ONLINE", Duration.ofSeconds(60));
            Instant cut = Instant.now();
            cluster.cutLink(FAILED);
            JsonNode stopped = api.awaitEvents(
                            hostUuid,
                            "STOPPED",
                            cut,
                            1,
                            Duration.ofSeconds(120),
                            () -> "monitor log:\n" + monitor.log())
                    .get(0);
            assertEquals("OFFLINE", stopped.at("/payload/cluster_status").asText());
            assertTrue(monitor.log().contains("accepted: HTTP 202"), monitor.log());
            assertFalse(monitor.log().contains(password), "the password never reaches the monitor's log");
            api.awaitNotification(stopped.get("notification_uuid").asText(), Duration.ofSeconds(180));
        } finally {
            monitor.close();
            fencing.close();
            cluster.bringBack(maas, FAILED, Duration.ofSeconds(120));
            nova.restoreHost(FAILED);
            api.setOnMaintenance(segment, hostUuid, false);
            api.deleteSegments(SEGMENT);
        }
    }

    /** Runs the charm as keystone would answer it; returns the masakarimonitors.conf it wrote (checked 0640). */
    private static Path renderedByTheCharm(String password, String projectId, Path dir) throws Exception {
        Path shipped = MODULE.resolve("target/charm-src").toAbsolutePath().resolve("hostmonitor");
        FakeHost host = new FakeHost()
                .withServiceManager("systemd")
                .onCommand("hostname --fqdn", 0, "compute9.maas\n")
                .withFile(shipped.resolve("masakari-hostmonitor.jar"), "jar", FileSpec.root(0644))
                .withFile(shipped.resolve("masakari-hostmonitor-java"), "#!/bin/sh\n", FileSpec.root(0755))
                .withFile(shipped.resolve("masakari-hostmonitor-java.service"), "[Unit]\n", FileSpec.root(0644))
                .withFile(Path.of("/lib/systemd/system/masakari-host-monitor.service"), "[Unit]\n", FileSpec.root(0644))
                .withFile(
                        Path.of("/lib/systemd/system/masakari-instance-monitor.service"),
                        "[Unit]\n",
                        FileSpec.root(0644))
                .withFile(
                        Path.of("/lib/systemd/system/masakari-process-monitor.service"),
                        "[Unit]\n",
                        FileSpec.root(0644));
        Map<String, String> addresses = Map.of("private-address", "127.0.0.1", "ingress-address", "127.0.0.1");
        Map<String, String> answer = new TreeMap<>(addresses);
        answer.putAll(Map.of(
                "credentials_host",
                Lab.HOST,
                "credentials_port",
                Integer.toString(Lab.KEYSTONE_PORT),
                "credentials_protocol",
                "http",
                "credentials_username",
                USER,
                "credentials_password",
                password,
                "credentials_project",
                "services",
                "credentials_user_domain_name",
                "Default",
                "credentials_user_domain_id",
                "default",
                "credentials_project_domain_name",
                "Default",
                "credentials_project_domain_id",
                "default"));
        answer.putAll(Map.of(
                "auth_host",
                Lab.HOST,
                "auth_port",
                Integer.toString(Lab.KEYSTONE_PORT),
                "auth_protocol",
                "http",
                "api_version",
                "3",
                "region",
                "RegionOne",
                "domain",
                "Default",
                "credentials_project_id",
                projectId));
        State state = State.of("masakari-monitors/0")
                .withRelation(
                        RelationState.of("container", 1, "nova-compute").withRemoteUnit("nova-compute/0", addresses))
                .withRelation(
                        RelationState.of("identity-credentials", 2, "keystone").withRemoteUnit("keystone/0", answer));
        Result result = new CharmTestContext(MasakariMonitorsCharm::new, MODULE.resolve("target/charm-src"))
                .run(Event.configChanged(), state, host);
        assertEquals(
                StatusLevel.ACTIVE,
                result.unitStatus().level(),
                result.unitStatus().message());
        Path etc = Path.of("/etc/masakarimonitors/masakarimonitors.conf");
        FakeHost.FakeFile written = host.file(etc).orElseThrow();
        assertEquals(0640, written.spec().mode());
        Path out = dir.resolve("masakarimonitors.conf");
        Files.write(out, written.content());
        return out;
    }
}
