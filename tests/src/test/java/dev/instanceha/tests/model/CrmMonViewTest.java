package dev.instanceha.tests.model;

import dev.instanceha.tests.lab.CrmMonView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IT's own crm_mon reading, on the real pacemaker 3.0 documents it captured, in both XML forms. */
class CrmMonViewTest {
    private static final Path FIXTURES = Path.of("../hostmonitor-patch/src/test/resources/crm_mon/pacemaker-3.0");

    private static CrmMonView read(String stage, String form) throws IOException {
        return CrmMonView.parse(Files.readString(FIXTURES.resolve(stage + "." + form + ".xml")));
    }

    @Test
    void bothFormsShowTheRemoteOnlineAsARemoteNode() throws IOException {
        for (String form : new String[] {"output-as-xml", "X"}) {
            CrmMonView v = read("01-remote-online", form);
            assertTrue(v.quorate(), form);
            assertTrue(v.online("pcmk3-member"), form);
            assertTrue(v.online("pcmk3-remote"), form);
            assertEquals("remote", v.node("pcmk3-remote").orElseThrow().type(), form);
            assertTrue(v.fenceEvents().isEmpty(), form);
        }
    }

    @Test
    void aSuccessfulFenceReadsAsSuccessWithItsCompletedTimeAsPrinted() throws IOException {
        for (String form : new String[] {"output-as-xml", "X"}) {
            CrmMonView v = read("03-fenced-off", form);
            assertFalse(v.online("pcmk3-remote"), form);
            assertEquals(1, v.fences("pcmk3-remote", "success").size(), form);
            assertTrue(v.fences("pcmk3-remote", "success").get(0).completed().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"),
                    "pacemaker 3.0 prints microseconds: " + v.fenceEvents());
        }
    }

    @Test
    void aFailedFenceIsNeverReadAsSuccess() throws IOException {
        CrmMonView v = read("06-never-off-fence-failed", "output-as-xml");
        assertEquals(1, v.fences("pcmk3-remote", "failed").size());
        assertTrue(v.fences("pcmk3-remote", "success").isEmpty());
        assertTrue(v.failedActions() > 0, "the lost connection's monitor failure is listed");
    }
}
