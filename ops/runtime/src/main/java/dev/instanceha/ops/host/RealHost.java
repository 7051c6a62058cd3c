package dev.instanceha.ops.host;

import java.nio.file.Files;
import java.nio.file.Path;

/** The unit's machine. The service manager is detected, not assumed: systemd when it is PID 1. */
public final class RealHost implements Host {
    private final Commands commands = new ProcessCommands();
    private final Packages packages = new AptPackages(commands);
    private final FileSystem files = new LocalFileSystem();
    private final Services services;

    public RealHost() {
        this(Path.of("/run/systemd/system"), Path.of("/etc/init.d"));
    }

    RealHost(Path systemdMarker, Path initDir) {
        // sd_booted(3): systemd is the running manager exactly when this directory exists.
        services = Files.isDirectory(systemdMarker)
                ? new SystemdServices(commands)
                : new InitScriptServices(commands, initDir);
    }

    @Override
    public Packages packages() {
        return packages;
    }

    @Override
    public FileSystem files() {
        return files;
    }

    @Override
    public Services services() {
        return services;
    }

    @Override
    public Commands commands() {
        return commands;
    }
}
