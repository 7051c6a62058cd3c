package dev.instanceha.ops.render;

import dev.instanceha.ops.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An oslo.config INI file built in code: sections in insertion order, keys in insertion order,
 * absent values left out (so "unset" means the program's own default). Values are written so that
 * oslo.config reads back exactly what was put (see {@link #osloValue}); values with a line break
 * cannot be written that way and are refused: one would silently start a new key or section.
 */
public final class IniDocument {
    private final String header;
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    /** @param header comment lines put at the top, e.g. "Managed by Juju" */
    public IniDocument(String header) {
        this.header = header;
    }

    /** Starts (or continues) a section and returns a writer for its keys. */
    public Section section(String name) {
        return new Section(sections.computeIfAbsent(name, key -> new LinkedHashMap<>()), name);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        sections.forEach((name, values) -> {
            out.append('\n').append('[').append(name).append("]\n");
            values.forEach(
                    (key, value) -> out.append(key).append(" = ").append(value).append('\n'));
        });
        return out.toString();
    }

    public byte[] bytes() {
        return render().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code value} spelled so that oslo.config's parser and option lookup return it unchanged:
     * {@code $} starts an interpolation there ({@code $$} is a literal dollar), and the parser strips
     * surrounding whitespace and one pair of matching edge quotes, so a value that begins or ends with
     * a quote or whitespace is wrapped in double quotes (only the outer pair is removed again).
     *
     * @throws UnrepresentableValueException when the value holds a line break
     */
    public static String osloValue(String section, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new UnrepresentableValueException(section, key);
        }
        String escaped = value.replace("$", "$$");
        if (!escaped.isEmpty()
                && (needsQuotes(escaped.charAt(0)) || needsQuotes(escaped.charAt(escaped.length() - 1)))) {
            return '"' + escaped + '"';
        }
        return escaped;
    }

    /** Characters the parser would strip or pair off at either end of a value. */
    private static boolean needsQuotes(char c) {
        return c == '"'
                || c == '\''
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c);
    }

    /** A value no INI line can hold (a line break); names the section and key, never the value. */
    public static final class UnrepresentableValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String section;
        private final String key;

        public UnrepresentableValueException(String section, String key) {
            super("[" + section + "] " + key + " would span lines");
            this.section = section;
            this.key = key;
        }

        public String section() {
            return section;
        }

        public String key() {
            return key;
        }
    }

    /** The keys of one section. */
    public static final class Section {
        private final Map<String, String> values;
        private final String name;

        Section(Map<String, String> values, String name) {
            this.values = values;
            this.name = name;
        }

        /**
         * Sets {@code key}; a null value leaves the key out. A {@link Secret} is written as its value:
         * the file is where the daemon reads it (the caller gives the file a mode that keeps it private).
         */
        public Section put(String key, Object value) {
            if (value == null) {
                return this;
            }
            String text = value instanceof Boolean b
                    ? (b ? "True" : "False")
                    : value instanceof Secret secret ? secret.reveal() : String.valueOf(value);
            values.put(key, osloValue(name, key, text));
            return this;
        }

        /** Sets {@code key} only when {@code value} is present. */
        public Section putIfPresent(String key, java.util.Optional<?> value) {
            value.ifPresent(v -> put(key, v));
            return this;
        }
    }
}
