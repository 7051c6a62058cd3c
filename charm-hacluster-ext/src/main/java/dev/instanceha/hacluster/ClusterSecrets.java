package dev.instanceha.hacluster;

import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.RelationView;
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

    private ClusterSecrets() {
    }

    /** Empty on a non-leader until the leader has shared what config does not give. */
    static Optional<ClusterKeys> resolve(HookContext hook, HaclusterConfig config, RelationView peers) {
        Map<String, String> shared = peers.localAppData();
        int minCorosync = config.transport() == dev.instanceha.hacluster.corosync.Transport.KNET
                ? HaclusterConfig.MIN_KNET_KEY_BYTES : 1;
        // Only the leader writes these; garbage there (a hand edit, a bug) must block, not crash the
        // hook, and must not be replaced by a new key behind the running cluster's back.
        Optional<String> sharedCorosync = config.corosyncKey().isPresent() ? Optional.empty()
                : shared(shared, COROSYNC, minCorosync, "corosync_key");
        Optional<String> sharedPacemaker = config.pacemakerKey().isPresent() ? Optional.empty()
                : shared(shared, PACEMAKER, 1, "pacemaker_key");
        Optional<String> corosync = config.corosyncKey().or(() -> sharedCorosync);
        Optional<String> pacemaker = config.pacemakerKey().map(PacemakerKey::base64).or(() -> sharedPacemaker);
        if (hook.model().isLeader()) {
            // Generated once and kept even while config overrides it, so unsetting the option
            // falls back to a key every unit already has.
            String generatedCorosync = Optional.ofNullable(shared.get(COROSYNC)).filter(v -> !v.isBlank()).orElseGet(ClusterSecrets::generate);
            String generatedPacemaker = Optional.ofNullable(shared.get(PACEMAKER)).filter(v -> !v.isBlank()).orElseGet(ClusterSecrets::generate);
            hook.log().secret(generatedCorosync);
            hook.log().secret(generatedPacemaker);
            hook.model().publishApp(peers, Map.of(COROSYNC, generatedCorosync, PACEMAKER, generatedPacemaker));
            corosync = corosync.or(() -> Optional.of(generatedCorosync));
            pacemaker = pacemaker.or(() -> Optional.of(generatedPacemaker));
        }
        if (corosync.isEmpty() || pacemaker.isEmpty()) {
            return Optional.empty();
        }
        hook.log().secret(corosync.get());
        hook.log().secret(pacemaker.get());
        return Optional.of(new ClusterKeys(corosync.get(), new PacemakerKey(pacemaker.get())));
    }

    /** A key from the app databag, checked; a malformed one blocks naming the key and the option that overrides it. */
    private static Optional<String> shared(Map<String, String> shared, String key, int minBytes, String option) {
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
            throw malformed(key, "decodes to " + decoded.length + " bytes, fewer than the " + minBytes + " needed", option);
        }
        return Optional.of(value.strip());
    }

    private static StatusException malformed(String key, String why, String option) {
        return new StatusException(Status.blocked("hanode application data '" + key + "' " + why
                + ": set the " + option + " option (every unit then uses it)"));
    }

    static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
