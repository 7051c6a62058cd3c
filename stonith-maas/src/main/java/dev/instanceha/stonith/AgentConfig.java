package dev.instanceha.stonith;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Validated agent settings. Null for what an action does not need (no plug for list, no key for
 * metadata).
 *
 * @param apiRoot        the MAAS API root ending in {@code /api/2.0/}
 * @param powerWait      pause after a power command before the first query (power_wait)
 * @param statusSleep    pause between power state queries and before a request retry (stonith_status_sleep)
 * @param retryOn        extra power_on attempts (retry_on)
 * @param connectTimeout connection limit (login_timeout)
 * @param answerTimeout  answer limit for one request (shell_timeout)
 */
public record AgentConfig(
        Action action,
        String plug,
        URI apiRoot,
        ApiKey apiKey,
        HostMap hostMap,
        boolean matchFqdn,
        Path caFile,
        boolean insecure,
        Duration delay,
        Duration powerTimeout,
        Duration powerWait,
        Duration statusSleep,
        Duration connectTimeout,
        Duration answerTimeout,
        int retries,
        int retryOn,
        boolean verbose) {}
