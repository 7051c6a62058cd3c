package dev.instanceha.ops.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealHostTest {
    @TempDir
    Path dir;

    @Test
    void detectsSystemdByItsRuntimeDirectory() throws Exception {
        Path marker = Files.createDirectories(dir.resolve("run/systemd/system"));
        assertEquals(
                "systemd",
                new RealHost(marker, dir.resolve("init.d")).services().manager());
        assertEquals(
                "sysvinit",
                new RealHost(dir.resolve("absent"), dir.resolve("init.d"))
                        .services()
                        .manager());
    }

    @Test
    void initScriptServicesRunTheScript() throws Exception {
        Path initDir = Files.createDirectories(dir.resolve("init.d"));
        Path log = dir.resolve("calls");
        Path script = initDir.resolve("masakari-api");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" >> " + log + "\n[ \"$1\" = status ] && exit 3\nexit 0\n");
        script.toFile().setExecutable(true);
        Services services = new RealHost(dir.resolve("absent"), initDir).services();
        services.restart("masakari-api");
        assertEquals(false, services.isRunning("masakari-api"));
        assertEquals("restart\nstatus\n", Files.readString(log));
        assertEquals(false, services.isRunning("not-installed"));
    }
}
