package dev.instanceha.ops.host;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Services through /etc/init.d scripts, for machines without systemd (containers, the lab).
 * Enabling uses update-rc.d where it exists.
 */
final class InitScriptServices implements Services {
    private final Commands commands;
    private final Path initDir;

    InitScriptServices(Commands commands, Path initDir) {
        this.commands = commands;
        this.initDir = initDir;
    }

    @Override
    public void start(String name) {
        commands.check(Command.of(script(name), "start"));
    }

    @Override
    public void stop(String name) {
        commands.check(Command.of(script(name), "stop"));
    }

    @Override
    public void restart(String name) {
        commands.check(Command.of(script(name), "restart"));
    }

    @Override
    public void enable(String name) {
        if (commands.exists("update-rc.d")) {
            commands.check(Command.of("update-rc.d", name, "defaults"));
        }
    }

    @Override
    public void disable(String name) {
        if (commands.exists("update-rc.d")) {
            commands.check(Command.of("update-rc.d", name, "disable"));
        }
    }

    @Override
    public boolean isRunning(String name) {
        // LSB: "status" exits 0 when the service runs.
        return Files.isExecutable(initDir.resolve(name))
                && commands.run(Command.of(script(name), "status")).succeeded();
    }

    @Override
    public String manager() {
        return "sysvinit";
    }

    private String script(String name) {
        Path script = initDir.resolve(name);
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no init script for service " + name + " in " + initDir);
        }
        return script.toString();
    }
}
