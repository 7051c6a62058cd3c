package dev.instanceha.interfaces.pacemaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.Net;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster's side of interface {@code pacemaker-remote} (charm-hacluster requires it, global
 * scope): reads each remote node's JSON-encoded announcement, sends the raw base64 pacemaker key.
 */
public final class PacemakerRemoteRequirer {
    public static final String ENDPOINT = "pacemaker-remote";

    private final Endpoint endpoint;

    public PacemakerRemoteRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The cluster's pacemaker authkey (base64) on every relation, raw, not JSON (charm-hacluster sends it so). */
    public void publish(Secret pacemakerKey) {
        endpoint.publish(Map.of(PacemakerRemoteKeys.PACEMAKER_KEY, pacemakerKey.reveal()));
    }

    /** Every remote unit of every pacemaker-remote relation, sorted into ready and not yet. */
    public RemoteNodes read() {
        Map<String, RemoteNode> ready = new TreeMap<>();
        Map<String, String> incomplete = new TreeMap<>();
        Set<String> malformed = new TreeSet<>();
        for (RemoteUnit unit : RemoteUnit.all(endpoint.relations())) {
            FieldReader r = unit.reader();
            Completeness<RemoteNode> node = parse(r);
            node.value().ifPresent(n -> ready.put(unit.unit(), n));
            node.reason().ifPresent(reason -> incomplete.put(unit.unit(), reason));
            if (r.problems().stream().anyMatch(p -> !p.startsWith(MISSING))) {
                malformed.add(unit.unit());
            }
        }
        return new RemoteNodes(ready, incomplete, malformed);
    }

    private static final String MISSING = "missing '";

    static Completeness<RemoteNode> parse(RemoteUnit unit) {
        return parse(unit.reader());
    }

    private static Completeness<RemoteNode> parse(FieldReader r) {
        Optional<String> hostname = jsonText(r, PacemakerRemoteKeys.REMOTE_HOSTNAME, true);
        hostname.flatMap(RemoteNodeName::problem)
                .ifPresent(why ->
                        r.problem("'" + PacemakerRemoteKeys.REMOTE_HOSTNAME + "' " + shown(hostname.get()) + why));
        Optional<String> ip = jsonText(r, PacemakerRemoteKeys.REMOTE_IP, true);
        if (ip.isPresent() && !Net.isIp(ip.get())) {
            r.problem("'" + PacemakerRemoteKeys.REMOTE_IP + "' " + shown(ip.get()) + "is not an IP address");
        }
        Optional<String> stonith = jsonText(r, PacemakerRemoteKeys.STONITH_HOSTNAME, false);
        if (stonith.isPresent() && !RemoteNodeName.isDnsName(stonith.get())) {
            r.problem("'" + PacemakerRemoteKeys.STONITH_HOSTNAME + "' " + shown(stonith.get())
                    + "is not a DNS host name");
        }
        boolean enable = enableResources(r);
        return r.result(() -> new RemoteNode(hostname.get(), ip.get(), stonith, enable));
    }

    /**
     * The value quoted for a status line when it is short and printable (names are not secrets and
     * the operator needs to see which name); otherwise nothing, so a status never carries a 100 KB or
     * multi-line value.
     */
    static String shown(String value) {
        return value.length() <= 64 && value.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? "'" + value + "' " : "";
    }

    /** A JSON string; JSON null or absence mean "none". */
    private static Optional<String> jsonText(FieldReader r, String key, boolean required) {
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
        if (!node.get().isTextual()) {
            r.problem("'" + key + "' is not a JSON string");
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
