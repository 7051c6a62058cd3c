package dev.instanceha.ops.host;

/** Services under systemd (Ubuntu units). */
final class SystemdServices implements Services {
    private final Commands commands;

    SystemdServices(Commands commands) {
        this.commands = commands;
    }

    @Override
    public void start(String name) {
        commands.check(Command.of("systemctl", "start", name));
    }

    @Override
    public void stop(String name) {
        commands.check(Command.of("systemctl", "stop", name));
    }

    @Override
    public void restart(String name) {
        commands.check(Command.of("systemctl", "restart", name));
    }

    @Override
    public void enable(String name) {
        commands.check(Command.of("systemctl", "enable", name));
    }

    @Override
    public void disable(String name) {
        commands.check(Command.of("systemctl", "disable", name));
    }

    @Override
    public boolean isRunning(String name) {
        return commands.run(Command.of("systemctl", "is-active", "--quiet", name))
                .succeeded();
    }

    @Override
    public String manager() {
        return "systemd";
    }
}
