package dev.instanceha.stonith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The build's version, written into a resource by the Maven build (what --version prints). */
final class AgentVersion {
    private static final String RESOURCE = "fence-maas.version";

    private AgentVersion() {}

    static String get() {
        try (InputStream in = AgentVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
