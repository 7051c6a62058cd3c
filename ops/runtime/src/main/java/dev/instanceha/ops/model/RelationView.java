package dev.instanceha.ops.model;

import java.util.Map;
import java.util.SortedMap;

/**
 * A read-only view of one established relation as seen from this unit during a hook.
 *
 * <p>Values are Juju's raw strings; decoding (JSON keys, prefixes) is the job of the typed
 * interfaces in {@code dev.instanceha.interfaces}. Departing units and broken relations are
 * already filtered out by the model, so a view always describes what is still there.
 */
public interface RelationView {
    /** Endpoint name from metadata.yaml, e.g. {@code amqp}. */
    String endpoint();

    /** Juju's relation id, the integer after the colon in {@code amqp:12}. */
    int id();

    /** The remote application's name; may be empty before any remote unit joined. */
    String remoteApp();

    /** The remote application's databag (empty map when nothing was written). */
    Map<String, String> remoteAppData();

    /** Each remote unit's databag, keyed by unit name, in unit-number order. */
    SortedMap<String, Map<String, String>> remoteUnitsData();

    /** This unit's own databag as currently published (including Juju's address keys). */
    Map<String, String> localUnitData();

    /** This application's databag; empty for non-leaders on non-peer relations (Juju hides it). */
    Map<String, String> localAppData();

    /** {@code relation:id} form used by the hook tools' {@code -r} flag. */
    default String relationRef() {
        return endpoint() + ":" + id();
    }
}
