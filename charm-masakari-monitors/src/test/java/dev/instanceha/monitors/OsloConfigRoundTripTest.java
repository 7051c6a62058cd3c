package dev.instanceha.monitors;

import static dev.instanceha.monitors.Fixtures.debianHost;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.instanceha.interfaces.identity.KeystoneFixtures;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.OsloConfig;
import dev.instanceha.ops.testing.Result;
import dev.instanceha.ops.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masakarimonitors.conf as the upstream monitors read it: the real oslo.config parser. */
class OsloConfigRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void hostilePasswordAndFlagsReachTheMonitorsUnchangedAndInjectNothing() throws Exception {
        String password = "\"$ecret'%s\\ $$ ünï\"";
        FakeHost host = debianHost();
        State state = State.of("masakari-monitors/0")
                .withRelation(Fixtures.principal())
                .withRelation(Fixtures.keystone(KeystoneFixtures.identityCredentials(password)))
                .withConfig(Map.of("config-flags", "log_dir=$HOME/log, graceful_shutdown_timeout='30'"));
        Result out = new CharmTestContext(
                        () -> new MasakariMonitorsCharm(System.getProperty("java.home")), Fixtures.CHARM)
                .run(Event.configChanged(), state, host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        Path file = dir.resolve("masakarimonitors.conf");
        Files.write(file, host.file(MonitorsConfFile.PATH).orElseThrow().content());

        OsloConfig.Read read = OsloConfig.read(
                file,
                Map.of(
                        "DEFAULT",
                        List.of("log_dir", "graceful_shutdown_timeout", "debug"),
                        "api",
                        List.of("password")));
        assertEquals(password, read.values().get("api").get("password"));
        assertEquals("$HOME/log", read.values().get("DEFAULT").get("log_dir"));
        assertEquals("'30'", read.values().get("DEFAULT").get("graceful_shutdown_timeout"));
        assertEquals(
                List.of("debug", "graceful_shutdown_timeout", "hostname", "log_dir"),
                read.keys().get("DEFAULT"),
                "no key injected into [DEFAULT]");
    }
}
