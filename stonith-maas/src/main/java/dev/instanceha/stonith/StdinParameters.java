package dev.instanceha.stonith;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fence-agents stdin protocol: one {@code name=value} per line, blank lines and {@code #}
 * comments ignored, the last occurrence wins, a surrounding pair of double quotes is stripped and
 * '-' in names means '_'. Unknown names are reported (by name only, never by value) and ignored.
 */
public final class StdinParameters {
    private StdinParameters() {}

    public static Map<String, String> read(BufferedReader in, Diagnostics diagnostics) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                diagnostics.warn("ignoring stdin line without name=value");
                continue;
            }
            String name = trimmed.substring(0, eq).strip().replace('-', '_');
            String value = unquote(trimmed.substring(eq + 1).strip());
            if (Params.API_KEY.equals(name)) {
                diagnostics.addSecret(value);
            }
            if (Params.byName(name).isEmpty()) {
                diagnostics.warn("ignoring unknown parameter '" + name + "'");
                continue;
            }
            params.put(name, value);
        }
        return params;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
