package dev.instanceha.hostmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process side of the crm_mon source, with /bin/sh standing in for crm_mon. */
class CommandClusterSourceTest {

    @TempDir
    Path dir;

    private CommandClusterSource sh(String script) {
        return new CommandClusterSource(List.of("/bin/sh", "-c", script), Duration.ofSeconds(20), new CrmMonXmlParser());
    }

    @Test
    void parsesWhatTheCommandPrints() throws Exception {
        Path xml = dir.resolve("healthy.xml");
        Files.write(xml, CrmMonXmlParserTest.fixture("healthy.xml"));
        ClusterSnapshot s = sh("echo 'deprecated option' >&2; cat '" + xml + "'").read();
        assertEquals(6, s.nodes().size());
    }

    @Test
    void nonZeroExitIsAFailureWithItsMessage() {
        ClusterSourceException e = assertThrows(ClusterSourceException.class,
                () -> sh("echo 'crm_mon: Error: cluster is not available on this node' >&2; exit 102").read());
        assertTrue(e.getMessage().contains("exited 102"), e.getMessage());
        assertTrue(e.getMessage().contains("not available"), e.getMessage());
    }

    @Test
    void missingProgramIsAFailure() {
        CommandClusterSource s = new CommandClusterSource(List.of(dir.resolve("no-such-crm_mon").toString()),
                Duration.ofSeconds(5), new CrmMonXmlParser());
        assertThrows(ClusterSourceException.class, s::read);
    }
}
