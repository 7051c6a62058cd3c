package dev.instanceha.hostmonitor.notify;

/** Hands one notification to Masakari; implementations decide how hard to try. */
@FunctionalInterface
public interface Delivery {

    enum Outcome {
        /** 2xx. */
        DELIVERED,
        /** 409: Masakari already has it (duplicate) or the host is already in maintenance — nothing left to do. */
        ALREADY_KNOWN,
        /** A 4xx that no retry can fix (unknown host, schema, policy). */
        REJECTED,
        /** Still failing after the retry budget; try again later. */
        FAILED
    }

    Outcome deliver(Notification n) throws InterruptedException;
}
