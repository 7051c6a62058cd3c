package dev.instanceha.ops.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real oslo.config parser, run as a python3 subprocess: what an OpenStack service reads from a
 * file we render. Missing python3 or oslo.config fails the test (never skips it).
 */
public final class OsloConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's python first: oslo.config is a Debian package, not in a user's own python. */
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    /** Keys found in each section, and the looked-up values as the service would see them. */
    public record Read(Map<String, List<String>> keys, Map<String, Map<String, String>> values) {}

    private OsloConfig() {}

    public static Read read(Path file, Map<String, List<String>> lookups) throws IOException, InterruptedException {
        Path script = Files.createTempFile("oslo_read", ".py");
        try (InputStream in = OsloConfig.class.getResourceAsStream("oslo_read.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            Process p = new ProcessBuilder(python(), script.toString(), file.toString()).start();
            p.getOutputStream().write(JSON.writeValueAsBytes(lookups));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("oslo.config could not read " + file + ": " + err);
            }
            return JSON.readValue(out, new TypeReference<Read>() {});
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String python() throws InterruptedException {
        for (String python : PYTHONS) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import oslo_config")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        throw new AssertionError("python3 with oslo.config is needed to check rendered files against the real parser: "
                + "run tests/lab/install (or apt-get install -y python3-oslo.config)");
    }
}
