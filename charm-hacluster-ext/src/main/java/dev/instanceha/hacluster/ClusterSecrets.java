package dev.instanceha.hacluster;

import dev.instanceha.interfaces.pacemaker.PacemakerKey;
import dev.instanceha.ops.charm.HookContext;
import dev.instanceha.ops.model.RelationView;
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
        Optional<String> corosync = config.corosyncKey().or(() -> Optional.ofNullable(shared.get(COROSYNC)));
        Optional<String> pacemaker = config.pacemakerKey().map(PacemakerKey::base64)
                .or(() -> Optional.ofNullable(shared.get(PACEMAKER)));
        if (hook.model().isLeader()) {
            // Generated once and kept even while config overrides it, so unsetting the option
            // falls back to a key every unit already has.
            String generatedCorosync = Optional.ofNullable(shared.get(COROSYNC)).orElseGet(ClusterSecrets::generate);
            String generatedPacemaker = Optional.ofNullable(shared.get(PACEMAKER)).orElseGet(ClusterSecrets::generate);
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

    static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
