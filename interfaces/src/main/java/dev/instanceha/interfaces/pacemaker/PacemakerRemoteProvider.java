package dev.instanceha.interfaces.pacemaker;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.FieldReader;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.interfaces.UnitSelection;
import dev.instanceha.ops.model.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remote node's side of interface {@code pacemaker-remote} (charm-pacemaker-remote provides it):
 * announces the node, receives the cluster's {@code pacemaker-key}.
 */
public final class PacemakerRemoteProvider {
    public static final String ENDPOINT = "pacemaker-remote";

    private final Endpoint endpoint;

    public PacemakerRemoteProvider(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Announces the node on every relation (JSON-encoded values, as hacluster reads them). */
    public void publish(RemoteNode node) {
        endpoint.publish(node.unitData());
    }

    /**
     * Whether some hacluster unit sent a {@code pacemaker-key} that cannot be used (not base64, too
     * long): the cluster side must be fixed (blocked), unlike a key not sent yet or a rotation in
     * progress (waiting).
     */
    public boolean malformed() {
        for (RemoteUnit unit : RemoteUnit.all(endpoint.relations())) {
            FieldReader r = unit.reader();
            r.base64(PacemakerRemoteKeys.PACEMAKER_KEY);
            if (!r.ok()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key, once every hacluster unit that sent one sent the same one. Upstream raises
     * "Inconsistent keys" here; we report it instead, naming the units that disagree. Every key
     * read is registered with the redactor, the agreed one and those of a rotation in progress.
     */
    public Completeness<PacemakerKey> read() {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        List<RemoteUnit> units = RemoteUnit.all(endpoint.relations());
        if (units.isEmpty()) {
            return Completeness.incomplete(ENDPOINT + ": no remote unit has joined");
        }
        String agreed = null;
        String agreedUnit = null;
        List<String> reasons = new ArrayList<>();
        for (RemoteUnit unit : units) {
            FieldReader r = unit.reader();
            Optional<String> key = r.base64(PacemakerRemoteKeys.PACEMAKER_KEY);
            if (!r.ok()) {
                return Completeness.incomplete(ENDPOINT + ": " + r.summary());
            }
            key.ifPresent(endpoint::secret);
            if (key.isEmpty()) {
                reasons.add(unit.unit() + ": missing '" + PacemakerRemoteKeys.PACEMAKER_KEY + "'");
            } else if (agreed == null) {
                agreed = key.get();
                agreedUnit = unit.unit();
            } else if (!agreed.equals(key.get())) {
                return Completeness.incomplete(ENDPOINT + ": inconsistent '" + PacemakerRemoteKeys.PACEMAKER_KEY
                        + "' between " + agreedUnit + " and " + unit.unit());
            }
        }
        if (agreed == null) {
            return Completeness.incomplete(ENDPOINT + ": " + UnitSelection.joinReasons(reasons));
        }
        return Completeness.complete(new PacemakerKey(agreed));
    }
}
