package dev.instanceha.simulators.maas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.simulators.SimulatorsMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MaasCommandTest {
    @Test
    void optionsBecomeASimulator(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("maas.key");
        Path marker = dir.resolve("off-hosts");
        MaasCommand command = new MaasCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port",
                        "0",
                        "--machine",
                        "compute-1",
                        "--machine",
                        "compute-2=abc123",
                        "--unallocated",
                        "compute-2",
                        "--domain",
                        "lab",
                        "--power-delay",
                        "0.25",
                        "--failure",
                        "compute-2=never-off",
                        "--api-key-file",
                        keyFile.toString(),
                        "--power-off-command",
                        "echo \"$1\" >> " + marker);
        try (MaasSimulator sim = command.startSimulator()) {
            String key = Files.readString(keyFile).strip();
            assertEquals(3, key.split(":").length);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertEquals(Duration.ofMillis(250), sim.powerDelay());
            assertEquals("compute-1.lab", sim.machines().get(0).fqdn());
            assertEquals("abc123", sim.machines().get(1).systemId());
            assertNull(sim.machines().get(1).owner());
            assertTrue(sim.url().startsWith("http://127.0.0.1:"));
            // The off command runs through the same path the lab uses.
            sim.powerAction(sim.machine("compute-1").orElseThrow(), PowerState.OFF);
            Thread.sleep(800);
            assertEquals("compute-1\n", Files.readString(marker));
            assertEquals(PowerState.OFF, sim.powerState("compute-1"));
        }
    }

    @Test
    void registeredAsTheMaasSubcommand() {
        CommandLine main = new CommandLine(new SimulatorsMain());
        assertTrue(main.getSubcommands().containsKey("maas"));
        assertEquals(
                MaasCommand.class,
                main.getSubcommands().get("maas").getCommand().getClass());
    }
}
