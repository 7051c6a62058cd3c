package dev.instanceha.interfaces.pacemaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.Net;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.ops.model.RelationView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster's side of interface {@code pacemaker-remote} (charm-hacluster requires it, global
 * scope): reads each remote node's JSON-encoded announcement, sends the raw base64 pacemaker key.
 */
public final class PacemakerRemoteRequirer {
    public static final String ENDPOINT = "pacemaker-remote";

    /** For this unit's databag: the key raw, not JSON (charm-hacluster sends it so). */
    public Map<String, String> unitData(PacemakerKey key) {
        return Map.of(PacemakerRemoteKeys.PACEMAKER_KEY, key.base64());
    }

    /** Every remote unit of every pacemaker-remote relation, sorted into ready and not yet. */
    public RemoteNodes read(List<? extends RelationView> relations) {
        Map<String, RemoteNode> ready = new TreeMap<>();
        Map<String, String> incomplete = new TreeMap<>();
        for (RemoteUnit unit : RemoteUnit.all(relations)) {
            Completeness<RemoteNode> node = parse(unit);
            node.value().ifPresent(n -> ready.put(unit.unit(), n));
            node.reason().ifPresent(reason -> incomplete.put(unit.unit(), reason));
        }
        return new RemoteNodes(new TreeMap<>(ready), new TreeMap<>(incomplete));
    }

    static Completeness<RemoteNode> parse(RemoteUnit unit) {
        FieldReader r = unit.reader();
        Optional<String> hostname = host(r, PacemakerRemoteKeys.REMOTE_HOSTNAME, true);
        Optional<String> ip = host(r, PacemakerRemoteKeys.REMOTE_IP, true);
        if (ip.isPresent() && !Net.isIp(ip.get())) {
            r.problem("'" + PacemakerRemoteKeys.REMOTE_IP + "' is not an IP address");
        }
        Optional<String> stonith = host(r, PacemakerRemoteKeys.STONITH_HOSTNAME, false);
        boolean enable = enableResources(r);
        return r.result(() -> new RemoteNode(hostname.get(), ip.get(), stonith, enable));
    }

    /** A JSON string holding a host name; JSON null or absence mean "none". */
    private static Optional<String> host(FieldReader r, String key, boolean required) {
        if (!r.has(key)) {
            if (required) {
                r.problem("missing '" + key + "'");
            }
            return Optional.empty();
        }
        Optional<JsonNode> node = r.json(key);
        if (node.isEmpty()) {
            return Optional.empty(); // the reader named the key already
        }
        if (node.get().isNull()) {
            if (required) {
                r.problem("missing '" + key + "'");
            }
            return Optional.empty();
        }
        if (!node.get().isTextual() || !Net.isHost(node.get().asText())) {
            r.problem("'" + key + "' is not a JSON-encoded host name");
            return Optional.empty();
        }
        return Optional.of(node.get().asText());
    }

    /**
     * JSON true/false; charm-hacluster's literal_eval fallback also takes Python's True/False, so we
     * do too. charm-pacemaker-remote always publishes it, so its absence means "not announced yet".
     */
    private static boolean enableResources(FieldReader r) {
        String key = PacemakerRemoteKeys.ENABLE_RESOURCES;
        Optional<String> raw = r.text(key);
        if (raw.isEmpty()) {
            if (!r.has(key)) {
                r.problem("missing '" + key + "'");
            }
            return true;
        }
        switch (raw.get()) {
            case "true", "True":
                return true;
            case "false", "False":
                return false;
            default:
                r.problem("'" + key + "' is not a JSON boolean");
                return true;
        }
    }
}
