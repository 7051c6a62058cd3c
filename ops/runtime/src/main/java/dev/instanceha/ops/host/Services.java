package dev.instanceha.ops.host;

/** System services, whatever manages them on this unit (systemd, or SysV init scripts). */
public interface Services {
    void start(String name);

    void stop(String name);

    void restart(String name);

    /** Starts it at boot. */
    void enable(String name);

    void disable(String name);

    boolean isRunning(String name);

    /** Which service manager this is, for logs and status: "systemd" or "sysvinit". */
    String manager();
}
