package dev.instanceha.tests.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's constants as tests/lab/lab.env holds them (the file the scripts source): KEY=value lines,
 * where a variable of the same name in the environment wins, as it does for the scripts.
 */
final class LabSettings {
    private static final Pattern LINE = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)");
    private final Map<String, String> values;

    private LabSettings(Map<String, String> values) {
        this.values = values;
    }

    static LabSettings read(Path envFile) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(envFile)) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    values.put(m.group(1), System.getenv().getOrDefault(m.group(1), m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's settings " + envFile, e);
        }
        return new LabSettings(values);
    }

    String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("tests/lab/lab.env has no " + key);
        }
        return value;
    }

    int port(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " in tests/lab/lab.env (or the environment) must be a port number");
        }
    }
}
