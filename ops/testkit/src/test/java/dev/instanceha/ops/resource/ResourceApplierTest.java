package dev.instanceha.ops.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.InMemoryUnit;
import dev.instanceha.ops.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two ordering rules the resource layer adds around files: stop first, reload systemd after unit changes. */
class ResourceApplierTest {
    static final Path DROP_IN = Path.of("/etc/systemd/system/svc.service.d/juju.conf");
    static final Path UNIT = Path.of("/etc/systemd/system/other.service");
    static final Path CONF = Path.of("/etc/svc/svc.conf");

    static ResourceApplier applier(FakeHost host) {
        return new ResourceApplier(
                host, new InMemoryUnit(State.of("app/0"), Event.configChanged(), Set.of()).hookTools());
    }

    static long reloads(FakeHost host) {
        return host.commandLog().stream()
                .filter(ResourceApplier.DAEMON_RELOAD::equals)
                .count();
    }

    @Test
    void aChangedDropInIsReloadedOnceBeforeTheDaemonRestarts() {
        FakeHost host = new FakeHost().withServiceManager("systemd");
        DesiredState desired = new DesiredState()
                .file(DROP_IN, "[Service]\n", FileSpec.root(0644))
                .file(CONF, "a", FileSpec.root(0644))
                .daemon(Daemon.running("svc", List.of(DROP_IN)));
        applier(host).apply(desired);
        assertEquals(1, reloads(host));
        host.clearLogs();
        applier(host).apply(desired);
        assertEquals(0, reloads(host), "unchanged units need no reload");
        applier(host)
                .apply(new DesiredState()
                        .file(DROP_IN, "[Service]\n", FileSpec.root(0644))
                        .file(CONF, "b", FileSpec.root(0644))
                        .daemon(Daemon.running("svc", List.of(DROP_IN, CONF))));
        assertEquals(0, reloads(host), "a changed config file is no unit");
        assertEquals(List.of("restart svc", "enable svc"), host.serviceLog());
    }

    @Test
    void aRemovedUnitIsStoppedBeforeItGoesAndThenReloaded() {
        FakeHost host = new FakeHost()
                .withServiceManager("systemd")
                .withFile(UNIT, "[Unit]\n", FileSpec.root(0644))
                .withRunningService("other");
        Applied applied = applier(host).apply(new DesiredState().absent(UNIT).daemon(Daemon.stopped("other")));
        assertEquals(List.of("stop other", "disable other"), host.serviceLog());
        assertTrue(applied.changed().contains(UNIT));
        assertEquals(1, reloads(host));
    }

    @Test
    void withoutSystemdNothingIsReloaded() {
        FakeHost host = new FakeHost().withServiceManager("sysvinit");
        applier(host).apply(new DesiredState().file(DROP_IN, "[Service]\n", FileSpec.root(0644)));
        assertEquals(0, reloads(host));
    }

    @Test
    void daemonProblemsNameTheDaemonAndWhy() {
        Applied applied = new Applied(
                java.util.Set.of(), List.of(), List.of(), java.util.Map.of("a", "exit 1"), List.of("a", "b"));
        assertEquals(
                List.of(Status.blocked("a failed to start: exit 1"), Status.blocked("b is not running")),
                applied.daemonProblems());
    }
}
