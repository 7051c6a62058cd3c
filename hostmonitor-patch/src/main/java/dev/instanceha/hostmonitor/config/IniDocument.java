package dev.instanceha.hostmonitor.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parsed INI content: section → (option → raw value); later files and later lines win. */
public record IniDocument(Map<String, Map<String, String>> sections) {

    public IniDocument {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sections.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sections = Collections.unmodifiableMap(copy);
    }

    public Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    public Optional<String> get(String section, String option) {
        return Optional.ofNullable(section(section).get(option));
    }

    /** This document overlaid by {@code later} (oslo.config: the last --config-file wins). */
    public IniDocument overlay(IniDocument later) {
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        sections.forEach((k, v) -> merged.put(k, new LinkedHashMap<>(v)));
        later.sections.forEach(
                (k, v) -> merged.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
        return new IniDocument(merged);
    }
}
