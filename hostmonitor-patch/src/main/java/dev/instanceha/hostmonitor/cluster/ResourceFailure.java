package dev.instanceha.hostmonitor.cluster;

import java.time.Instant;
import java.util.Optional;

/** One entry of crm_mon's failed-actions list: which operation of which resource failed, on which node, when. */
public record ResourceFailure(String resource, String task, String node, Optional<Instant> lastRcChange) {}
