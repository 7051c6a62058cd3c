package dev.instanceha.tests.model.juju;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A unit: its machine, hook queue, workload and agent status, state and opened ports. */
public final class Unit {
    final String name;
    final Application app;
    final Machine machine;
    final Unit principal; // for a subordinate
    final Map<String, String> state = new LinkedHashMap<>();
    final Set<String> ports = new LinkedHashSet<>();
    final Deque<HookEvent> queue = new ArrayDeque<>();
    Status workload = Status.WAITING_AGENT;
    String agent = "allocating"; // allocating, executing, idle, error, lost
    String errorHook;
    int failures;
    long retryAtMillis;
    boolean leader;
    boolean started;
    boolean dying;
    long lastUpdateStatus;
    int filesRevision = -1; // the charm revision unpacked on the machine

    Unit(String name, Application app, Machine machine, Unit principal) {
        this.name = name;
        this.app = app;
        this.machine = machine;
        this.principal = principal;
    }

    public String name() {
        return name;
    }

    public Application app() {
        return app;
    }

    public Machine machine() {
        return machine;
    }

    public Status workload() {
        return workload;
    }

    public String agent() {
        return agent;
    }

    /** unit-masakari-0, as Juju names the agent. */
    String tag() {
        return "unit-" + name.replace('/', '-');
    }

    String agentDir() {
        return "/var/lib/juju/agents/" + tag();
    }

    String charmDir() {
        return agentDir() + "/charm";
    }

    @Override
    public String toString() {
        return name;
    }
}
