package dev.instanceha.tests.lab;

import dev.instanceha.hostmonitor.cluster.ClusterSnapshot;
import dev.instanceha.hostmonitor.cluster.ClusterSourceException;
import dev.instanceha.hostmonitor.cluster.CrmMonXmlParser;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * One crm_mon XML document (either form: {@code --output-as=xml} or the legacy {@code -X}) as a
 * test sees it: the text, for assertions on what the parser does not read (resource roles, the
 * version) and for failure messages, and the {@link ClusterSnapshot} the host monitor's own parser
 * reads from it — the one crm_mon reader of the project, so the tests and the monitor cannot
 * disagree on what a document means. Zone-less times are read as UTC, as the lab and model run.
 */
public record CrmMonView(String xml, ClusterSnapshot cluster) {
    private static final CrmMonXmlParser PARSER = new CrmMonXmlParser(ZoneOffset.UTC);

    /**
     * The document as a view, or empty while crm_mon has no cluster view to print yet (a daemon
     * still starting: "Could not connect to the CIB", no {@code <nodes>}): what a wait polls with.
     */
    public static java.util.Optional<CrmMonView> tryParse(String xml) {
        try {
            return java.util.Optional.of(new CrmMonView(xml, PARSER.parse(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (ClusterSourceException notYet) {
            return java.util.Optional.empty();
        }
    }

    public static CrmMonView parse(String xml) {
        try {
            return new CrmMonView(xml, PARSER.parse(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ClusterSourceException e) {
            throw new AssertionError(
                    "crm_mon did not print the XML expected: " + e.getMessage() + "\n" + Lab.tail(xml, 20), e);
        }
    }
}
