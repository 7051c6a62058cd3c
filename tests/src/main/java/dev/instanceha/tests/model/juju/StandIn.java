package dev.instanceha.tests.model.juju;

/**
 * A peer charm we do not write (keystone, mysql, rabbitmq-server, vault, nova-compute), played
 * in-process: it gets every hook the real charm would get, with the same session (reads, buffered
 * writes, commit on success), and publishes the relation data the real charm publishes, backed by
 * the real service.
 */
public interface StandIn {
    CharmMeta meta();

    /** Whether its units live on model machines (nova-compute: its subordinates go there). */
    default boolean needsMachine() {
        return false;
    }

    /** One hook on one unit; an exception fails the hook (the unit goes to error and it is retried). */
    void handle(HookSession session) throws Exception;
}
