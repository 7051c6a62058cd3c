package dev.instanceha.hostmonitor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HostMonitorCommandTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        return new CommandLine(new HostMonitorCommand()).execute(args);
    }

    @Test
    void checkConfigAcceptsAValidFileAndRefusesABrokenOne() throws Exception {
        Path good = Files.writeString(
                dir.resolve("good.conf"),
                "[api]\nauth_url=http://127.0.0.1:5000\nusername=u\npassword=p\nproject_name=services\n");
        Path bad = Files.writeString(dir.resolve("bad.conf"), "[host]\nmonitoring_samples=lots\n");
        assertEquals(0, run("--config-file", good.toString(), "--check-config"));
        assertEquals(2, run("--config-file", bad.toString(), "--check-config"));
        assertEquals(2, run("--config-file", dir.resolve("missing.conf").toString(), "--check-config"));
    }

    @Test
    void onceWithASavedClusterViewStoresNothingForFirstSightings() throws Exception {
        Path xml = dir.resolve("healthy.xml");
        try (var in = getClass().getResourceAsStream("/crm_mon/healthy.xml")) {
            Files.write(xml, in.readAllBytes());
        }
        Path conf = Files.writeString(
                dir.resolve("m.conf"),
                "[api]\nauth_url=http://127.0.0.1:9\nusername=u\npassword=p\nproject_name=services\n"
                        + "[hostmonitor_java]\noutbox_dir=" + dir.resolve("outbox") + "\n");
        assertEquals(0, run("--config-file", conf.toString(), "--once", "--crm-mon-xml", xml.toString()));
        try (var pending = Files.list(dir.resolve("outbox").resolve("pending"))) {
            assertEquals(0, pending.count());
        }
    }
}
