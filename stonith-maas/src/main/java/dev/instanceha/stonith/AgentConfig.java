package dev.instanceha.stonith;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Validated agent settings. Null for what an action does not need (no plug for list, no key for
 * metadata).
 *
 * @param apiRoot the MAAS API root ending in {@code /api/2.0/}
 */
public record AgentConfig(Action action, String plug, URI apiRoot, ApiKey apiKey, HostMap hostMap,
                          boolean matchFqdn, Path caFile, boolean insecure, Duration powerTimeout,
                          Duration pollInterval, int retries, Duration requestTimeout, Duration delay,
                          boolean verbose) {
}
