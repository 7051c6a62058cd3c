package dev.instanceha.hostmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process side of the crm_mon source, with /bin/sh standing in for crm_mon. */
class CommandClusterSourceTest {

    @TempDir
    Path dir;

    private CommandClusterSource sh(String script) {
        return new CommandClusterSource(
                List.of("/bin/sh", "-c", script), Duration.ofSeconds(20), new CrmMonXmlParser());
    }

    @Test
    void parsesWhatTheCommandPrints() throws Exception {
        Path xml = dir.resolve("healthy.xml");
        Files.write(xml, CrmMonXmlParserTest.fixture("healthy.xml"));
        ClusterSnapshot s =
                sh("echo 'deprecated option' >&2; cat '" + xml + "'").read();
        assertEquals(6, s.nodes().size());
    }

    @Test
    void nonZeroExitIsAFailureWithItsMessage() {
        ClusterSourceException e = assertThrows(
                ClusterSourceException.class,
                () -> sh("echo 'crm_mon: Error: cluster is not available on this node' >&2; exit 102")
                        .read());
        assertTrue(e.getMessage().contains("exited 102"), e.getMessage());
        assertTrue(e.getMessage().contains("not available"), e.getMessage());
    }

    @Test
    void missingProgramIsAFailure() {
        CommandClusterSource s = new CommandClusterSource(
                List.of(dir.resolve("no-such-crm_mon").toString()), Duration.ofSeconds(5), new CrmMonXmlParser());
        assertThrows(ClusterSourceException.class, s::read);
    }

    /**
     * A stand-in crm_mon that answers the default command with the 3.0.0 --output-as=xml document and
     * {@code -X} with the legacy one, as pacemaker 3.0 still does: both forms give the same view.
     */
    @Test
    void theDefaultCommandAndTheLegacyFormBothWork() throws Exception {
        Path api = dir.resolve("api.xml");
        Path legacy = dir.resolve("legacy.xml");
        Files.write(api, CrmMonXmlParserTest.fixture("versions/3.0.0-api/fenced.xml"));
        Files.write(legacy, CrmMonXmlParserTest.fixture("versions/2.1.6-legacy/fenced.xml"));
        Path crmMon = dir.resolve("crm_mon");
        Files.writeString(
                crmMon,
                "#!/bin/sh\ncase \"$*\" in\n"
                        + "  '--output-as=xml --fence-history=2') cat '" + api + "' ;;\n"
                        + "  '-X --fence-history=2') echo 'crm_mon: --as-xml is deprecated' >&2; cat '" + legacy
                        + "' ;;\n"
                        + "  *) echo \"unexpected arguments: $*\" >&2; exit 64 ;;\nesac\n");
        assertTrue(crmMon.toFile().setExecutable(true));
        List<String> dflt = new ArrayList<>(Arrays.asList(ConfigLoader.DEFAULT_STATUS_COMMAND.split(" ")));
        assertEquals("crm_mon", dflt.get(0));
        dflt.set(0, crmMon.toString());
        ClusterSnapshot viaApi = new CommandClusterSource(dflt, Duration.ofSeconds(20), new CrmMonXmlParser()).read();
        ClusterSnapshot viaLegacy = new CommandClusterSource(
                        List.of(crmMon.toString(), "-X", "--fence-history=2"),
                        Duration.ofSeconds(20),
                        new CrmMonXmlParser())
                .read();
        assertEquals(viaApi.nodes(), viaLegacy.nodes());
        assertEquals(viaApi.fenceHistory(), viaLegacy.fenceHistory());
        assertTrue(viaApi.fencedSince("compute-1.maas", java.time.Instant.parse("2026-11-24T17:32:30Z"))
                .isPresent());
    }
}
