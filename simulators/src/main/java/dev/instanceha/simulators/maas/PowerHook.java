package dev.instanceha.simulators.maas;

/**
 * What "the BMC" really does when a machine changes power state. The lab uses it to take a
 * network-namespace host down; in-process tests use a lambda.
 */
@FunctionalInterface
public interface PowerHook {
    /** @throws Exception when the power action failed; the machine then reports power state "error" */
    void apply(String hostname, PowerState target) throws Exception;

    PowerHook NONE = (hostname, target) -> {};
}
