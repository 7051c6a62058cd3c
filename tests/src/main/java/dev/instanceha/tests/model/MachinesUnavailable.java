package dev.instanceha.tests.model;

/** The model's machines cannot be had: the test fails with this message, which says how to fix it. */
public final class MachinesUnavailable extends RuntimeException {
    public MachinesUnavailable(String message) {
        super(message + "\nFix: sudo tests/model/install (bin/test-all runs it); logs under the model's home (default "
                + "/var/lib/instanceha-model/logs), see tests/model/README.md");
    }
}
