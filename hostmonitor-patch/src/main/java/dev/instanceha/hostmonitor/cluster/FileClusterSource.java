package dev.instanceha.hostmonitor.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads saved crm_mon XML from a file on every read: for dry runs and drills without a cluster. */
public final class FileClusterSource implements ClusterSource {

    private final Path file;
    private final CrmMonXmlParser parser;

    public FileClusterSource(Path file, CrmMonXmlParser parser) {
        this.file = file;
        this.parser = parser;
    }

    @Override
    public ClusterSnapshot read() throws ClusterSourceException {
        try {
            return parser.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ClusterSourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
