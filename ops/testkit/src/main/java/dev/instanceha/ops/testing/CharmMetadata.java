package dev.instanceha.ops.testing;

import dev.instanceha.ops.model.YamlFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What metadata.yaml and actions.yaml declare: used to reject impossible test set-ups. */
record CharmMetadata(
        String name,
        Map<String, String> endpoints,
        Map<String, List<String>> actionsRequired,
        Map<String, List<String>> actionParams) {

    /** Endpoint name → "requires", "provides" or "peers". */
    public static CharmMetadata load(Path charmDir) {
        Map<String, Object> metadata = YamlFiles.readMap(charmDir.resolve("metadata.yaml"));
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String role : List.of("requires", "provides", "peers")) {
            if (metadata.get(role) instanceof Map<?, ?> declared) {
                declared.keySet().forEach(endpoint -> endpoints.put(String.valueOf(endpoint), role));
            }
        }
        Map<String, List<String>> required = new LinkedHashMap<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        YamlFiles.readMap(charmDir.resolve("actions.yaml")).forEach((action, spec) -> {
            Map<?, ?> body = spec instanceof Map<?, ?> m ? m : Map.of();
            required.put(
                    action,
                    body.get("required") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of());
            params.put(
                    action,
                    body.get("params") instanceof Map<?, ?> p
                            ? p.keySet().stream().map(String::valueOf).toList()
                            : List.of());
        });
        return new CharmMetadata(String.valueOf(metadata.get("name")), endpoints, required, params);
    }
}
