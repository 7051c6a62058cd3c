package dev.instanceha.ops.render;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An oslo.config-style INI file built in code: sections in insertion order, keys in insertion
 * order, absent values left out (so "unset" means the program's own default). Values with a
 * line break are refused: one would silently start a new key in the rendered file.
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
            values.forEach((key, value) -> out.append(key).append(" = ").append(value).append('\n'));
        });
        return out.toString();
    }

    public byte[] bytes() {
        return render().getBytes(StandardCharsets.UTF_8);
    }

    /** The keys of one section. */
    public static final class Section {
        private final Map<String, String> values;
        private final String name;

        Section(Map<String, String> values, String name) {
            this.values = values;
            this.name = name;
        }

        /** Sets {@code key}; a null value leaves the key out. */
        public Section put(String key, Object value) {
            if (value == null) {
                return this;
            }
            String text = value instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(value);
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("[" + name + "] " + key + " would span lines");
            }
            values.put(key, text);
            return this;
        }

        /** Sets {@code key} only when {@code value} is present. */
        public Section putIfPresent(String key, java.util.Optional<?> value) {
            value.ifPresent(v -> put(key, v));
            return this;
        }
    }
}
