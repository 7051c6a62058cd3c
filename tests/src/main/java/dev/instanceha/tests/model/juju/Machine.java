package dev.instanceha.tests.model.juju;

import dev.instanceha.tests.model.Machines;

/** A machine of the model: its number and, for units with hooks, the LXC machine underneath. */
public final class Machine {
    final String id;
    final Machines.Machine lxc; // null for the host-side machine of stand-ins
    final String address;

    Machine(String id, Machines.Machine lxc, String address) {
        this.id = id;
        this.lxc = lxc;
        this.address = address;
    }

    public String id() {
        return id;
    }

    public String address() {
        return address;
    }

    /** The LXC machine underneath, or null for the controller's own "host" machine of stand-ins. */
    public Machines.Machine lxc() {
        return lxc;
    }

    /** The container's (host)name, as the unit's machine knows itself. */
    public String hostname() {
        return lxc == null ? "model-host" : lxc.name();
    }
}
