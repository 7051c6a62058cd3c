package dev.instanceha.simulators.maas;

import java.time.Instant;

/**
 * One API request as the simulator saw it, for tests and the lab to inspect.
 *
 * @param op       the MAAS operation (power_off, query_power_state, list, read, version, whoami, ...)
 * @param hostname the machine's hostname, or null when the request was not about one machine
 * @param status   the HTTP status the simulator answered
 */
public record Operation(
        Instant at, String method, String path, String op, String hostname, int status, boolean authenticated) {}
