package dev.instanceha.hacluster;

import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.Secret;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cluster's keys come from: config when the operator set them, otherwise random keys
 * the leader generates once and shares in the hanode peer application databag (Juju 4 has no
 * leader-set; only this application's units can read that bag).
 */
final class ClusterSecrets {
    static final String COROSYNC = "corosync-key";
    static final String PACEMAKER = "pacemaker-key";
    /** 2048 bits: twice knet's minimum; pacemaker takes any length. */
    static final int KEY_BYTES = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterSecrets() {}

    /** Waits on a non-leader until the leader has shared what config does not give. */
    static ClusterKeys resolve(HookContext hook, HaclusterConfig config, ClusterPeers peers) {
        Map<String, String> shared = peers.appData();
        Endpoint endpoint = peers.endpoint();
        int minCorosync = config.transport() == dev.instanceha.hacluster.corosync.Transport.KNET
                ? HaclusterConfig.MIN_KNET_KEY_BYTES
                : 1;
        // Only the leader writes these; garbage there (a hand edit, a bug) must block, not crash the
        // hook, and must not be replaced by a new key behind the running cluster's back.
        Optional<Secret> sharedCorosync = config.corosyncKey().isPresent()
                ? Optional.empty()
                : shared(endpoint, shared, COROSYNC, minCorosync, "corosync_key");
        Optional<Secret> sharedPacemaker = config.pacemakerKey().isPresent()
                ? Optional.empty()
                : shared(endpoint, shared, PACEMAKER, 1, "pacemaker_key");
        Optional<Secret> corosync = config.corosyncKey().or(() -> sharedCorosync);
        Optional<Secret> pacemaker = config.pacemakerKey().or(() -> sharedPacemaker);
        if (hook.model().isLeader()) {
            // Generated once and kept even while config overrides it, so unsetting the option
            // falls back to a key every unit already has.
            Secret generatedCorosync = endpoint.secret(Optional.ofNullable(shared.get(COROSYNC))
                    .filter(v -> !v.isBlank())
                    .orElseGet(ClusterSecrets::generate));
            Secret generatedPacemaker = endpoint.secret(Optional.ofNullable(shared.get(PACEMAKER))
                    .filter(v -> !v.isBlank())
                    .orElseGet(ClusterSecrets::generate));
            endpoint.publishApp(Map.of(COROSYNC, generatedCorosync.reveal(), PACEMAKER, generatedPacemaker.reveal()));
            corosync = corosync.or(() -> Optional.of(generatedCorosync));
            pacemaker = pacemaker.or(() -> Optional.of(generatedPacemaker));
        }
        if (corosync.isEmpty() || pacemaker.isEmpty()) {
            throw new StatusException(Status.waiting("Waiting for the leader to share the cluster keys"));
        }
        return new ClusterKeys(corosync.get(), pacemaker.get());
    }

    /** A key from the app databag, checked; a malformed one blocks naming the key and the option that overrides it. */
    private static Optional<Secret> shared(
            Endpoint endpoint, Map<String, String> shared, String key, int minBytes, String option) {
        String value = shared.get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw malformed(key, "is not valid base64", option);
        }
        if (decoded.length < minBytes) {
            throw malformed(
                    key, "decodes to " + decoded.length + " bytes, fewer than the " + minBytes + " needed", option);
        }
        return Optional.of(endpoint.secret(value.strip()));
    }

    private static StatusException malformed(String key, String why, String option) {
        return new StatusException(Status.blocked("hanode application data '" + key + "' " + why + ": set the " + option
                + " option (every unit then uses it)"));
    }

    static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
