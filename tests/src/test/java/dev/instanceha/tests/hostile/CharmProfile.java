package dev.instanceha.tests.hostile;

import java.nio.file.Path;
import java.util.Map;

/**
 * A charm as the corpus runs it: its packed archive and the machine it finds in the sandbox
 * (host name, FQDN, packages dpkg reports as installed, files its packages would have laid down).
 */
public record CharmProfile(
        String name,
        Path charmFile,
        String hostname,
        String fqdn,
        Map<String, String> installedPackages,
        Map<String, String> machineFiles) {}
