package dev.instanceha.ops.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * apt/dpkg. Installs only what is missing, so a second install hook runs no apt at all.
 * Waits for the dpkg lock (unattended-upgrades often holds it on fresh machines) instead of failing.
 */
final class AptPackages implements Packages {
    private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive");
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(20);
    private final Commands commands;
    private boolean updated;

    AptPackages(Commands commands) {
        this.commands = commands;
    }

    @Override
    public List<String> install(List<String> names) {
        List<String> missing = names.stream().filter(name -> !isInstalled(name)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of(
                "apt-get",
                "install",
                "-y",
                "-q",
                "-o",
                "DPkg::Lock::Timeout=300",
                "-o",
                "Dpkg::Options::=--force-confold"));
        argv.addAll(missing);
        Command install = new Command(argv, null, APT_TIMEOUT, NONINTERACTIVE);
        CommandResult result = commands.run(install);
        if (!result.succeeded() && !updated) {
            // A stale package index is the usual cause on a new machine: refresh once and retry.
            commands.check(new Command(
                    List.of("apt-get", "update", "-q", "-o", "DPkg::Lock::Timeout=300"),
                    null,
                    APT_TIMEOUT,
                    NONINTERACTIVE));
            updated = true;
            result = commands.run(install);
        }
        result.orThrow(install);
        return missing;
    }

    @Override
    public List<String> remove(List<String> names) {
        List<String> present = names.stream().filter(this::isInstalled).toList();
        if (!present.isEmpty()) {
            List<String> argv =
                    new ArrayList<>(List.of("apt-get", "remove", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"));
            argv.addAll(present);
            commands.check(new Command(argv, null, APT_TIMEOUT, NONINTERACTIVE));
        }
        return present;
    }

    @Override
    public boolean isInstalled(String name) {
        return version(name).isPresent();
    }

    @Override
    public Optional<String> version(String name) {
        CommandResult result = commands.run(Command.of("dpkg-query", "-W", "-f=${db:Status-Status} ${Version}", name));
        if (!result.succeeded()) {
            return Optional.empty();
        }
        String[] parts = result.stdout().strip().split(" ", 2);
        return parts.length == 2 && parts[0].equals("installed") ? Optional.of(parts[1]) : Optional.empty();
    }
}
