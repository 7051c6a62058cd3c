package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.interfaces.tls.TlsFixtures;
import dev.instanceha.ops.host.CommandResult;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MasakariCharmTest {
    static final Path CHARM = Path.of("src/main/charm");
    final CharmTestContext ctx = new CharmTestContext(MasakariCharm::new, CHARM);

    /** A Debian machine after the packages are installed: uwsgi flavour, no taskflow migrations. */
    static FakeHost debianHost() {
        return new FakeHost()
                .withServiceManager("sysvinit")
                .withFile(ApiServer.UWSGI_INI, "[uwsgi]\n", dev.instanceha.ops.host.FileSpec.root(0644))
                .withPackage("masakari-api", "14.0.2-2");
    }

    static State related(boolean leader) {
        return State.of("masakari/0")
                .withLeader(leader)
                .withAddress("10.5.0.40")
                .withRelation(Peers.sharedDb("masakari/0 masakari/1"))
                .withRelation(Peers.rabbit())
                .withRelation(Peers.keystone())
                .withRelation(Peers.peers());
    }

    static Stream<Arguments> relationCombinations() {
        return Stream.of(
                Arguments.of(List.of(), "blocked", "'shared-db', 'amqp', 'identity-service' missing"),
                Arguments.of(List.of("shared-db"), "blocked", "'amqp', 'identity-service' missing"),
                Arguments.of(List.of("shared-db", "amqp"), "blocked", "'identity-service' missing"),
                Arguments.of(List.of("amqp", "identity-service"), "blocked", "'shared-db' missing"),
                Arguments.of(
                        List.of("shared-db-empty", "amqp", "identity-service"),
                        "waiting",
                        "'shared-db' incomplete: mysql/0: missing 'db_host', missing 'password', missing 'allowed_units'"),
                Arguments.of(
                        List.of("shared-db", "amqp-empty", "identity-service-empty"),
                        "waiting",
                        "'amqp', 'identity-service' incomplete: amqp: rabbitmq-server/0: missing 'password', "
                                + "missing 'private-address'"),
                Arguments.of(
                        List.of("shared-db-other-unit", "amqp", "identity-service"),
                        "waiting",
                        "'shared-db' incomplete: masakari-mysql-router/0: 'allowed_units' does not list masakari/0"),
                Arguments.of(List.of("shared-db", "amqp", "identity-service"), "active", "Unit is ready"));
    }

    @ParameterizedTest
    @MethodSource("relationCombinations")
    void statusForEveryRelationCombination(List<String> relations, String level, String message) {
        State state = State.of("masakari/0").withLeader(true).withRelation(Peers.peers());
        for (String r : relations) {
            state = state.withRelation(
                    switch (r) {
                        case "shared-db" -> Peers.sharedDb("masakari/0");
                        case "shared-db-empty" ->
                            RelationState.of("shared-db", 11, "mysql").withRemoteUnit("mysql/0", Map.of());
                        case "shared-db-other-unit" -> Peers.sharedDb("masakari/1 masakari/2");
                        case "amqp" -> Peers.rabbit();
                        case "amqp-empty" ->
                            RelationState.of("amqp", 12, "rabbitmq-server")
                                    .withRemoteUnit("rabbitmq-server/0", Map.of());
                        case "identity-service" -> Peers.keystone();
                        case "identity-service-empty" ->
                            RelationState.of("identity-service", 13, "keystone").withRemoteUnit("keystone/0", Map.of());
                        default -> throw new IllegalArgumentException(r);
                    });
        }
        Result out = ctx.run(Event.configChanged(), state, debianHost());
        assertEquals(0, out.exitCode(), out.allLogText());
        assertEquals(
                level + ": " + message,
                out.unitStatus().level().jujuName() + ": " + out.unitStatus().message());
    }

    @Test
    void publishesRequestsAsSoonAsRelated() {
        Result out = ctx.run(Event.configChanged(), related(true), debianHost());
        assertEquals(
                Map.of("database", "masakari", "username", "masakari", "hostname", "10.5.0.40"),
                out.localUnitData("shared-db"));
        assertEquals(Map.of("username", "masakari", "vhost", "masakari"), out.localUnitData("amqp"));
        Map<String, String> keystone = out.localUnitData("identity-service");
        assertEquals("masakari", keystone.get("service"));
        assertEquals("RegionOne", keystone.get("region"));
        assertEquals("http://10.5.0.40:15868/v1/%(tenant_id)s", keystone.get("public_url"));
        assertEquals("http://10.5.0.40:15868/v1/%(tenant_id)s", keystone.get("internal_url"));
    }

    @Test
    void rendersMasakariConfFromTheRelations() {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), related(true).withConfig("evacuation-delay", 30), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        FakeHost.FakeFile conf = host.file(MasakariConfFile.PATH).orElseThrow();
        assertEquals(new dev.instanceha.ops.host.FileSpec("root", "masakari", 0640), conf.spec());
        String text = conf.text();
        assertTrue(
                text.contains(
                        "connection = mysql+pymysql://masakari:" + Peers.DB_PASSWORD + "@127.0.0.1:3306/masakari\n"),
                text);
        assertTrue(
                text.contains(
                        "transport_url = rabbit://masakari:" + Peers.RABBIT_PASSWORD + "@10.5.0.30:5672/masakari\n"),
                text);
        assertTrue(text.contains("os_privileged_user_auth_url = http://10.5.0.20:35357/v3\n"), text);
        assertTrue(text.contains("www_authenticate_uri = http://10.5.0.20:5000\n"), text);
        assertTrue(text.contains("os_user_domain_name = service_domain\n"), text);
        assertTrue(text.contains("wait_period_after_service_update = 30\n"), text);
        assertTrue(text.contains("[host_failure]\nevacuate_all_instances = True\n"), text);
        assertFalse(text.contains("[taskflow]"), "Debian's taskflow has no migrations: option left out");
        assertTrue(
                host.serviceLog().containsAll(List.of("restart masakari-api", "restart masakari-engine")),
                host.serviceLog().toString());
        assertEquals(
                1,
                host.commandLog().stream()
                        .filter(c -> c.display().contains("db sync"))
                        .count());
        assertEquals("127.0.0.1:3306/masakari", out.localAppData("cluster").get("db-synced"));
        assertEquals(List.of("15868/tcp"), out.state().openedPorts());
        assertEquals(java.util.Optional.of("14.0.2"), out.workloadVersion());
    }

    static Stream<Event> everyHook() {
        RelationState db = Peers.sharedDb("masakari/0 masakari/1");
        return Stream.of(
                Event.install(),
                Event.configChanged(),
                Event.start(),
                Event.updateStatus(),
                Event.upgradeCharm(),
                Event.leaderElected(),
                Event.hook("leader-settings-changed"),
                Event.relationChanged(db, "masakari-mysql-router/0"),
                Event.relationChanged(Peers.rabbit(), "rabbitmq-server/0"),
                Event.relationChanged(Peers.keystone(), "keystone/0"),
                Event.relationCreated(Peers.peers()));
    }

    @ParameterizedTest
    @MethodSource("everyHook")
    void secondRunOfEveryHookChangesNothing(Event event) {
        FakeHost host = debianHost();
        Result first = ctx.run(
                event, ctx.run(Event.configChanged(), related(true), host).state(), host);
        Map<Path, FakeHost.FakeFile> files = host.writtenFiles();
        host.clearLogs();
        Result second = ctx.run(event, first.state(), host);
        assertEquals(files, host.writtenFiles(), "no file rewritten"); // FakeFile compares by identity
        assertEquals(first.state(), second.state());
        assertEquals(List.of(), second.relationWrites());
        assertEquals(List.of(), host.serviceLog(), "no start, restart, enable or disable on a second run");
        assertTrue(host.commandLog().isEmpty(), host.commandLog().toString());
        assertEquals(Status.active("Unit is ready"), second.unitStatus());
    }

    @Test
    void servicesAreEnabledWhenStartedNotInEveryHook() {
        FakeHost host = debianHost();
        ctx.run(Event.configChanged(), related(true), host);
        assertEquals(java.util.Set.of("masakari-api", "masakari-engine"), host.enabledServices());
        host.clearLogs();
        ctx.run(Event.updateStatus(), related(true), host);
        assertEquals(List.of(), host.serviceLog());
    }

    @Test
    void stopHookStopsTheDaemonsAndDoesNotClaimReady() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(true), host).state();
        Result stop = ctx.run(Event.stop(), ready, host);
        assertEquals(0, stop.exitCode());
        assertEquals(Status.maintenance(MasakariCharm.STOPPED_MESSAGE), stop.unitStatus());
        assertEquals(java.util.Set.of(), host.runningServices());
        assertEquals(java.util.Set.of(), host.enabledServices(), "a reboot must not bring them back");
        host.clearLogs();
        Result again = ctx.run(Event.remove(), stop.state(), host);
        assertEquals(Status.maintenance(MasakariCharm.STOPPED_MESSAGE), again.unitStatus());
        assertEquals(List.of(), host.serviceLog(), "already stopped: nothing to do");
    }

    @Test
    void pausedUnitIsLeftAloneByTheNextHooks() {
        FakeHost host = debianHost();
        State ready = ctx.run(Event.configChanged(), related(true), host).state();
        Result paused = ctx.run(Event.action("pause", Map.of()), ready, host);
        assertEquals(java.util.Set.of(), host.runningServices());
        host.clearLogs();
        Result next = ctx.run(Event.updateStatus(), paused.state(), host);
        assertEquals(List.of(), host.serviceLog());
        assertEquals(
                dev.instanceha.ops.hooktools.StatusLevel.MAINTENANCE,
                next.unitStatus().level());
    }

    @Test
    void nonLeaderWaitsForTheLeadersMigration() {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), related(false), host);
        assertEquals(Status.waiting("Waiting for the leader to migrate the database"), out.unitStatus());
        assertTrue(host.commandLog().stream().noneMatch(c -> c.display().contains("db sync")));
        State migrated = related(false)
                .withRelation(Peers.peers().withLocalAppData(Map.of("db-synced", "127.0.0.1:3306/masakari")));
        Result after = ctx.run(Event.relationChanged(Peers.peers(), null), migrated, host);
        assertEquals(Status.active("Unit is ready"), after.unitStatus());
    }

    @Test
    void failedMigrationBlocksWithTheReason() {
        FakeHost host = debianHost()
                .onCommand(
                        "masakari-manage",
                        c -> new CommandResult(
                                1,
                                "",
                                "oslo_db.exception.DBError: (1045, \"Access denied for user 'masakari'@'10.5.0.40'\")",
                                false));
        Result out = ctx.run(Event.configChanged(), related(true), host);
        assertEquals(0, out.exitCode());
        assertTrue(
                out.unitStatus().message().startsWith("Database migration failed: oslo_db.exception.DBError"),
                out.unitStatus().message());
        assertEquals("blocked", out.unitStatus().level().jujuName());
        assertFalse(out.localAppData("cluster").containsKey("db-synced"));
    }

    @Test
    void failedMigrationNamesTheErrorEvenWhenOsloLoggedTheTracebackOnStdout() {
        String traceback = "2026-12-06 21:58:59.520 8403 ERROR masakari Traceback (most recent call last):\n"
                + "2026-12-06 21:58:59.520 8403 ERROR masakari   File \"x.py\", line 1, in y\n"
                + "2026-12-06 21:58:59.520 8403 ERROR masakari sqlalchemy.exc.OperationalError: (1045, \"Access denied for user\")\n"
                + "2026-12-06 21:58:59.520 8403 ERROR masakari (Background on this error at: https://sqlalche.me/e/20/e3q8)\n"
                + "2026-12-06 21:58:59.520 8403 ERROR masakari \n";
        FakeHost host = debianHost().onCommand("masakari-manage", c -> new CommandResult(1, traceback, "", false));
        Result out = ctx.run(Event.configChanged(), related(true), host);
        assertEquals(
                "Database migration failed: sqlalchemy.exc.OperationalError: (1045, \"Access denied for user\")"
                        + " (check the shared-db relation, then run any hook)",
                out.unitStatus().message());
        FakeHost silent = debianHost().onCommand("masakari-manage", c -> new CommandResult(1, "", "", false));
        assertEquals(
                "Database migration failed: masakari-manage exited 1 (check the shared-db relation, then run any hook)",
                ctx.run(Event.configChanged(), related(true), silent)
                        .unitStatus()
                        .message());
    }

    @ParameterizedTest
    @MethodSource("badConfig")
    void badConfigBlocksNamingTheKey(String key, Object value, String expected) {
        FakeHost host = debianHost();
        Result out = ctx.run(Event.configChanged(), related(true).withConfig(key, value), host);
        assertTrue(out.blockedOnConfig(key, expected), out.exitCode() + " " + out.statusHistory());
        assertTrue(host.file(MasakariConfFile.PATH).isEmpty(), "nothing rendered from bad config");
    }

    static Stream<Arguments> badConfig() {
        return Stream.of(
                Arguments.of("evacuation-delay", -5, "between 0 and"),
                Arguments.of("vip", "10.0.0.300", "is not one"),
                Arguments.of("vip", "myhost.example", "is not one"),
                Arguments.of("vip_cidr", 0, "between 1 and 128"),
                Arguments.of("openstack-origin", "cloud:bad origin", "must be distro"),
                Arguments.of("worker-multiplier", -1.0, "above 0"),
                Arguments.of("os-public-hostname", "bad_host!", "DNS hostname"),
                Arguments.of("ssl_cert", "not-base64!!", "base64"),
                Arguments.of("region", "Region One", "may not contain"),
                Arguments.of("host-failure-recovery-threads", 0, "between 1 and 64"));
    }

    @Test
    void secretsNeverReachTheLog() {
        FakeHost host = debianHost()
                .onCommand(
                        "masakari-manage",
                        c -> new CommandResult(
                                1,
                                "",
                                "cannot connect: mysql+pymysql://masakari:" + Peers.DB_PASSWORD + "@127.0.0.1/masakari",
                                false));
        Result out = ctx.run(Event.configChanged(), related(true), host);
        for (String secret : List.of(Peers.DB_PASSWORD, Peers.RABBIT_PASSWORD, Peers.SERVICE_PASSWORD)) {
            assertFalse(out.allLogText().contains(secret), out.allLogText());
            assertFalse(
                    out.unitStatus().message().contains(secret),
                    out.unitStatus().message());
        }
    }

    @Test
    void vipWithoutHaIsBlockedAndHaGetsVipResources() {
        Result out = ctx.run(Event.configChanged(), related(true).withConfig("vip", "10.5.100.1"), debianHost());
        assertEquals(Status.blocked("'ha' missing: vip is set but no hacluster is related"), out.unitStatus());
        RelationState ha = RelationState.of("ha", 20, "hacluster").withRemoteUnit("hacluster/0", Map.of());
        Result withHa = ctx.run(
                Event.relationJoined(ha, "hacluster/0"),
                related(true).withConfig("vip", "10.5.100.1").withRelation(ha),
                debianHost());
        String resources = withHa.localUnitData("ha").get("json_resources");
        assertTrue(resources.matches("\\{\"res_masakari_[0-9a-f]{7}_vip\": \"ocf:heartbeat:IPaddr2\"}"), resources);
        assertTrue(withHa.localUnitData("ha").get("json_groups").contains("grp_masakari_vips"));
        assertEquals("eth0", withHa.localUnitData("ha").get("corosync_bindiface"));
        assertEquals(Status.active("Unit is ready"), withHa.unitStatus());
    }

    @Test
    void clusteredHaPublishesTheVipToKeystone() {
        RelationState ha =
                RelationState.of("ha", 20, "hacluster").withRemoteUnit("hacluster/0", Map.of("clustered", "yes"));
        Result out = ctx.run(
                Event.relationChanged(ha, "hacluster/0"),
                related(true).withConfig("vip", "10.5.100.1").withRelation(ha),
                debianHost());
        assertEquals(
                "http://10.5.100.1:15868/v1/%(tenant_id)s",
                out.localUnitData("identity-service").get("public_url"));
    }

    static final String CERT = TlsFixtures.RSA_CERT;
    static final String KEY = TlsFixtures.RSA_KEY;

    @Test
    void certificatesRelationTurnsOnTlsAndTheRequestSurvivesClustering() {
        RelationState vault = RelationState.of("certificates", 30, "vault").withRemoteUnit("vault/0", Map.of());
        State state = related(true)
                .withConfig("vip", "10.5.100.1")
                .withRelation(vault)
                .withRelation(RelationState.of("ha", 20, "hacluster").withRemoteUnit("hacluster/0", Map.of()));
        Result asked = ctx.run(Event.relationJoined(vault, "vault/0"), state, debianHost());
        String request = asked.localUnitData("certificates").get("cert_requests");
        assertEquals("{\"10.5.0.40\": {\"sans\": [\"10.5.0.40\", \"10.5.100.1\"]}}", request);

        RelationState issued = vault.withRemoteUnit(
                "vault/0",
                Map.of(
                        "ca",
                        TlsFixtures.CA,
                        "chain",
                        TlsFixtures.CA,
                        "masakari_0.processed_requests",
                        "{\"10.5.0.40\": {\"cert\": \"" + CERT.replace("\n", "\\n") + "\", \"key\": \""
                                + KEY.replace("\n", "\\n") + "\"}}"));
        RelationState clustered =
                RelationState.of("ha", 20, "hacluster").withRemoteUnit("hacluster/0", Map.of("clustered", "yes"));
        FakeHost host = debianHost();
        Result out = ctx.run(
                Event.relationChanged(issued, "vault/0"),
                state.withRelation(issued).withRelation(clustered),
                host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        assertEquals(request, out.localUnitData("certificates").get("cert_requests"), "same request once clustered");
        assertEquals(
                "https://10.5.100.1:15868/v1/%(tenant_id)s",
                out.localUnitData("identity-service").get("public_url"));
        FakeHost.FakeFile key = host.file(ApiServer.Uwsgi.KEY).orElseThrow();
        assertEquals(KEY, key.text());
        assertEquals(0640, key.spec().mode());
        assertEquals("masakari", key.spec().group());
        assertTrue(host.file(ApiServer.Uwsgi.CERT).orElseThrow().text().startsWith(CERT.strip()));
    }

    @Test
    void pauseStopsServicesAndResumeRestores() {
        FakeHost host = debianHost();
        Result ready = ctx.run(Event.configChanged(), related(true), host);
        Result paused = ctx.run(Event.action("pause", Map.of()), ready.state(), host);
        assertEquals(java.util.Optional.empty(), paused.actionFailure());
        assertFalse(host.runningServices().contains("masakari-engine"));
        Result hook = ctx.run(Event.updateStatus(), paused.state(), host);
        assertEquals(Status.maintenance("Paused. Use 'resume' action to resume normal service."), hook.unitStatus());
        assertFalse(host.runningServices().contains("masakari-api"), "update-status must not restart a paused unit");
        Result resumed = ctx.run(Event.action("resume", Map.of()), hook.state(), host);
        assertTrue(host.runningServices().containsAll(List.of("masakari-api", "masakari-engine")));
        assertEquals(Status.active("Unit is ready"), resumed.unitStatus());
    }

    @Test
    void ubuntuGetsAnApacheSite() {
        FakeHost host = new FakeHost().withPackage("masakari-api", "1:14.0.2-0ubuntu1");
        Result out = ctx.run(Event.configChanged(), related(true), host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        String site = host.file(ApiServer.Apache.SITE).orElseThrow().text();
        assertTrue(site.contains("Listen 15868") && site.contains("WSGIScriptAlias / /usr/bin/masakari-wsgi"), site);
        assertTrue(host.installedPackages().containsAll(List.of("apache2", "libapache2-mod-wsgi-py3")));
        assertTrue(host.serviceLog().contains("restart apache2"));
    }

    @Test
    void actionsWithoutKeystoneFailClearly() {
        Result out = ctx.run(Event.action("list-segments", Map.of()), State.of("masakari/0"), debianHost());
        assertEquals(
                java.util.Optional.of("identity-service is not ready: relate masakari to keystone and wait for it"),
                out.actionFailure());
    }
}
