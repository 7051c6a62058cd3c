package dev.instanceha.tests.hostile;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds the corpus's injection marker as structure in a rendered file: the payloads try to smuggle
 * a section {@code [hostile_injected]} or a key {@code hostile_injected = ...} through a value. The
 * marker inside a value is harmless; as a section header or key of its own it is an injection.
 * Parsing follows each format: ini/oslo.config (an unindented line is a key, an indented one
 * continues the value before it), corosync.conf (any {@code key:} line in a block), YAML.
 */
final class Injection {
    static final String MARKER = "hostile_injected";

    private Injection() {}

    /** What was injected, or null. */
    static String find(String path, String text) {
        if (!text.contains(MARKER)) {
            return null;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            try {
                Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
                return hasKey(doc) ? "YAML key '" + MARKER + "'" : null;
            } catch (RuntimeException unparsable) {
                return "YAML unparsable with the marker in it: "
                        + unparsable.getMessage().lines().findFirst().orElse("");
            }
        }
        boolean braces = text.contains("totem {") || path.contains("corosync");
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (stripped.equals("[" + MARKER + "]") && !indented) {
                return "section [" + MARKER + "]";
            }
            if (stripped.matches(MARKER + "\\s*[=:].*") && (braces || !indented)) {
                return "key line '" + CaseRunner.shorten(stripped, 80) + "'";
            }
            if (path.endsWith(".xml") && line.matches(".*[<\\s]" + MARKER + "[\\s=>].*")) {
                return "XML name '" + MARKER + "'";
            }
        }
        return null;
    }

    private static boolean hasKey(Object node) {
        if (node instanceof Map<?, ?> m) {
            return m.containsKey(MARKER) || m.values().stream().anyMatch(Injection::hasKey);
        }
        if (node instanceof List<?> l) {
            return l.stream().anyMatch(Injection::hasKey);
        }
        return false;
    }
}
