package dev.instanceha.ops.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.testing.FakeHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A daemon that runs on another (pacemaker on corosync) never keeps running on the old instance. */
class BoundDaemonTest {
    static final Path BASE_CONF = Path.of("/etc/base.conf");
    static final Path TOP_KEY = Path.of("/etc/top.key");

    static DesiredState desired(String baseConf, String topKey) {
        return new DesiredState()
                .file(BASE_CONF, baseConf, FileSpec.root(0644))
                .file(TOP_KEY, topKey, FileSpec.root(0400))
                .daemon(Daemon.running("base", List.of(BASE_CONF)))
                .daemon(Daemon.running("top", List.of(TOP_KEY)).boundTo("base"));
    }

    @Test
    void theBoundDaemonStopsBeforeItsBaseRestartsAndStartsAfter() {
        FakeHost host = new FakeHost();
        Applied first = new ResourceApplier(host, null).apply(desired("a", "k"));
        assertEquals(
                List.of("restart base", "enable base", "start top", "enable top"),
                host.serviceLog(),
                "never running yet: started after its base, not restarted");
        assertEquals(List.of("base", "top"), first.restarted());

        host.clearLogs();
        Applied second = new ResourceApplier(host, null).apply(desired("b", "k"));
        assertEquals(List.of("stop top", "restart base", "enable base", "start top", "enable top"), host.serviceLog());
        assertTrue(second.startedNow("top"));

        host.clearLogs();
        Applied third = new ResourceApplier(host, null).apply(desired("b", "k2"));
        assertEquals(List.of("restart top", "enable top"), host.serviceLog(), "its own file restarts only itself");
        assertEquals(List.of("top"), third.restarted());

        host.clearLogs();
        new ResourceApplier(host, null).apply(desired("b", "k2"));
        assertEquals(List.of(), host.serviceLog());
    }

    @Test
    void aDaemonThatIsDownIsStartedAndSaysSo() {
        FakeHost host = new FakeHost();
        new ResourceApplier(host, null).apply(desired("a", "k"));
        host.services().stop("top");
        host.clearLogs();
        Applied applied = new ResourceApplier(host, null).apply(desired("a", "k"));
        assertEquals(List.of("start top", "enable top"), host.serviceLog());
        assertEquals(List.of("top"), applied.started());
        assertEquals(List.of(), applied.restarted());
        assertTrue(applied.startedNow("top"));
    }
}
