package dev.instanceha.stonith;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Explicit cluster-node-name to MAAS-hostname map, written like pacemaker's pcmk_host_map:
 * {@code node1:machine1;node2:machine2} (';', ',' or whitespace between entries, ':' or '='
 * inside one). Node names match case-insensitively, as host names do.
 */
public record HostMap(Map<String, String> entries) {
    public static final HostMap EMPTY = new HostMap(Map.of());

    public HostMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static HostMap parse(String text) throws BadParameterException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        for (String entry : text.strip().split("[;,\\s]+")) {
            String[] pair = entry.split("[:=]", 2);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new BadParameterException(Params.HOSTNAME_MAP, "entry '" + entry + "' is not node:machine");
            }
            entries.put(pair[0].strip().toLowerCase(Locale.ROOT), pair[1].strip());
        }
        return new HostMap(entries);
    }

    public Optional<String> machineFor(String node) {
        return Optional.ofNullable(entries.get(node.toLowerCase(Locale.ROOT)));
    }
}
