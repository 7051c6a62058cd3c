package dev.instanceha.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.instanceha.hostmonitor.cluster.FenceEvent;
import dev.instanceha.hostmonitor.cluster.NodeType;
import dev.instanceha.tests.lab.CrmMonView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tests' crm_mon reading (the host monitor's parser), on the real pacemaker 3.0 documents the IT captured, in both XML forms. */
class CrmMonViewTest {
    private static final Path FIXTURES = Path.of("../hostmonitor-patch/src/test/resources/crm_mon/pacemaker-3.0");

    private static CrmMonView read(String stage, String form) throws IOException {
        return CrmMonView.parse(Files.readString(FIXTURES.resolve(stage + "." + form + ".xml")));
    }

    @Test
    void bothFormsShowTheRemoteOnlineAsARemoteNode() throws IOException {
        for (String form : new String[] {"output-as-xml", "X"}) {
            CrmMonView v = read("01-remote-online", form);
            assertTrue(v.cluster().quorate(), form);
            assertTrue(v.cluster().online("pcmk3-member"), form);
            assertTrue(v.cluster().online("pcmk3-remote"), form);
            assertEquals(
                    NodeType.REMOTE,
                    v.cluster().node("pcmk3-remote").orElseThrow().type(),
                    form);
            assertTrue(v.cluster().fenceHistory().isEmpty(), form);
        }
    }

    @Test
    void aSuccessfulFenceReadsAsSuccessWithItsCompletedTimeAsPrinted() throws IOException {
        for (String form : new String[] {"output-as-xml", "X"}) {
            CrmMonView v = read("03-fenced-off", form);
            assertFalse(v.cluster().online("pcmk3-remote"), form);
            assertEquals(
                    1,
                    v.cluster()
                            .fenceEvents("pcmk3-remote", FenceEvent.Status.SUCCESS)
                            .size(),
                    form);
            assertEquals(
                    Optional.of(Instant.parse("2026-12-04T19:29:24.178734Z")),
                    v.cluster()
                            .fenceEvents("pcmk3-remote", FenceEvent.Status.SUCCESS)
                            .get(0)
                            .completed(),
                    "pacemaker 3.0 prints microseconds: " + v.cluster().fenceHistory());
        }
    }

    @Test
    void aFailedFenceIsNeverReadAsSuccess() throws IOException {
        CrmMonView v = read("06-never-off-fence-failed", "output-as-xml");
        assertEquals(
                1,
                v.cluster()
                        .fenceEvents("pcmk3-remote", FenceEvent.Status.FAILED)
                        .size());
        assertTrue(v.cluster()
                .fenceEvents("pcmk3-remote", FenceEvent.Status.SUCCESS)
                .isEmpty());
        assertTrue(v.cluster().failures().size() > 0, "the lost connection's monitor failure is listed");
    }
}
