package dev.instanceha.monitors;

import java.util.List;

/**
 * The monitors this charm can run. Package names are Debian's and Ubuntu's (both build them from
 * the same masakari-monitors source); service names differ between packagings, so each monitor
 * lists the names it may have and {@link MonitorService} finds the one installed.
 */
public enum Monitor {
    /** Upstream masakari-hostmonitor. */
    HOST("hostmonitor", List.of("masakari-host-monitor"), List.of("masakari-host-monitor", "masakari-hostmonitor")),
    /**
     * This project's masakari-hostmonitor-java, shipped in the charm. It needs the common package
     * (masakari user/group, /etc/masakarimonitors) and crm_mon.
     */
    HOST_JAVA(
            "hostmonitor-java",
            List.of("masakari-monitors-common", "pacemaker-cli-utils"),
            List.of(JavaHostMonitor.SERVICE)),
    INSTANCE(
            "instancemonitor",
            List.of("masakari-instance-monitor"),
            List.of("masakari-instance-monitor", "masakari-instancemonitor")),
    PROCESS(
            "processmonitor",
            List.of("masakari-process-monitor"),
            List.of("masakari-process-monitor", "masakari-processmonitor"));

    private final String label;
    private final List<String> packages;
    private final List<String> serviceNames;

    Monitor(String label, List<String> packages, List<String> serviceNames) {
        this.label = label;
        this.packages = packages;
        this.serviceNames = serviceNames;
    }

    /** Short name for logs and statuses. */
    public String label() {
        return label;
    }

    public List<String> packages() {
        return packages;
    }

    /** Candidate service names, most likely first. */
    public List<String> serviceNames() {
        return serviceNames;
    }

    /** Whether the distribution's package provides the service (the java monitor's comes from the charm). */
    public boolean packaged() {
        return this != HOST_JAVA;
    }
}
