package dev.instanceha.hostmonitor.config;

import java.time.Duration;
import java.util.Optional;

/** masakarimonitors.conf [api]: Keystone password credentials and endpoint selection. */
public record ApiSettings(
        String authUrl,
        Optional<String> userId,
        Optional<String> username,
        String password,
        Optional<String> userDomainId,
        Optional<String> userDomainName,
        Optional<String> projectId,
        Optional<String> projectName,
        Optional<String> projectDomainId,
        Optional<String> projectDomainName,
        String region,
        String apiInterface,
        String apiVersion,
        Optional<String> cafile,
        boolean insecure,
        Duration timeout) {}
