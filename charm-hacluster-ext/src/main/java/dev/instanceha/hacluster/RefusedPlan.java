package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.CibChange;
import dev.instanceha.hacluster.cib.CibSnapshot;
import dev.instanceha.hacluster.cib.LiveCib;
import dev.instanceha.ops.model.UnitState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The plan pacemaker last refused, remembered in unit state by a digest of the plan and of the
 * configuration it was computed from: the same plan on the same configuration is not sent again in
 * every hook (it would fail the same way). Any change to either (a fixed relation, an object removed
 * by hand) makes it a new attempt.
 */
final class RefusedPlan {
    static final String KEY = "cib-refused-plan";

    private RefusedPlan() {}

    /** The reason pacemaker gave, when this exact plan on this exact configuration was refused last. */
    static Optional<String> sameAsLast(UnitState state, CibSnapshot snapshot, List<CibChange> plan) {
        String digest = digest(snapshot, plan);
        return state.get(KEY).filter(v -> v.startsWith(digest + " ")).map(v -> v.substring(digest.length() + 1));
    }

    static void remember(UnitState state, CibSnapshot snapshot, List<CibChange> plan, LiveCib.Outcome outcome) {
        if (outcome instanceof LiveCib.Refused refused) {
            state.put(KEY, digest(snapshot, plan) + " " + refused.reason());
        } else if (outcome instanceof LiveCib.Committed && state.get(KEY).isPresent()) {
            state.remove(KEY);
        }
    }

    private static String digest(CibSnapshot snapshot, List<CibChange> plan) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(snapshot.configuration().toXml().getBytes(StandardCharsets.UTF_8));
            for (CibChange c : plan) {
                sha.update((c.kind() + " " + c.section() + " " + c.object().toXml() + " " + c.value() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
