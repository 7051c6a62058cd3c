package dev.instanceha.hostmonitor.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The oslo.config dialect of INI that masakarimonitors.conf uses: {@code [section]}, {@code key = value}
 * or {@code key: value}, whole-line {@code #}/{@code ;} comments, indented continuation lines, and one
 * pair of matching quotes stripped from a value.
 */
public final class IniParser {

    public IniDocument parse(String text) throws ConfigException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && current != null && lastKey != null) {
                current.merge(lastKey, line, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ConfigException("line " + (i + 1) + ": bad section header: " + line);
                }
                current = sections.computeIfAbsent(
                        line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (current == null) {
                throw new ConfigException("line " + (i + 1) + ": option outside any section: " + line);
            }
            int sep = separator(line);
            if (sep <= 0) {
                throw new ConfigException("line " + (i + 1) + ": expected 'key = value': " + line);
            }
            lastKey = line.substring(0, sep).strip();
            current.put(lastKey, unquote(line.substring(sep + 1).strip()));
        }
        return new IniDocument(sections);
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
