package dev.instanceha.ops.model;

import java.util.List;
import java.util.Map;

/**
 * One endpoint of metadata.yaml as this unit sees it in this hook: its established relations, this
 * unit's address on its binding, and the two things an interface does with it: publish this unit's
 * (or, as leader, this application's) data on every relation, and read the peers' data, handing out
 * the secrets in it as {@link Secret}s that are already registered with the redactor.
 *
 * <p>Typed interfaces (package {@code dev.instanceha.interfaces}) are bound to one endpoint; a charm
 * never names an endpoint twice or loops over relations to publish.
 */
public interface Endpoint {
    /** The endpoint's name in metadata.yaml, e.g. {@code shared-db}. */
    String name();

    /** Established relations; a relation being broken and a departing unit are already gone. */
    List<? extends RelationView> relations();

    default boolean isRelated() {
        return !relations().isEmpty();
    }

    /** This unit's name, e.g. {@code masakari/0}. */
    String localUnit();

    /** This unit's address on the endpoint's binding (ingress address), for peers to reach it. */
    String address();

    /** Merges {@code data} into this unit's databag on every relation of the endpoint; "" deletes a key. */
    void publish(Map<String, String> data);

    /** Merges {@code data} into this application's databag on every relation; only a leader may. */
    void publishApp(Map<String, String> data);

    /** Wraps a secret value read from a databag and registers it with the redactor at once. */
    Secret secret(String value);
}
