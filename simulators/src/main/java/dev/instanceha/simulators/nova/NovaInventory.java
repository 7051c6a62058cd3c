package dev.instanceha.simulators.nova;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The simulated cloud: one nova-compute service per compute host and the servers placed on them.
 * Every method is synchronized; callers get immutable snapshots ({@link ComputeService}, {@link Server}).
 * Each state-changing API call is appended to an action log a test can inspect.
 */
public final class NovaInventory {
    private final Map<String, ComputeService> servicesByHost = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final List<Action> actions = new ArrayList<>();
    private final Map<String, EvacuationFault> faults = new LinkedHashMap<>();
    private final Clock clock;

    public NovaInventory() {
        this(Clock.systemUTC());
    }

    public NovaInventory(Clock clock) {
        this.clock = clock;
    }

    /** What an evacuate call does to one server instead of succeeding. */
    public enum EvacuationFault {
        /** Nova answers the evacuate call with 400 (e.g. no valid host). */
        REJECT,
        /** The call is accepted but the server ends in vm_state error on its old host. */
        ERROR_STATE,
        /** The call is accepted and nothing ever happens (masakari times out). */
        HANG
    }

    /** An API call that changed something, in order. */
    public record Action(Instant at, String kind, String target, String detail) {}

    public synchronized ComputeService addHost(String host) {
        ComputeService existing = servicesByHost.get(host);
        if (existing != null) {
            return existing;
        }
        ComputeService service = new ComputeService(
                UUID.nameUUIDFromBytes(("nova-compute@" + host).getBytes()).toString(),
                host,
                "enabled",
                "up",
                null,
                false,
                now());
        servicesByHost.put(host, service);
        return service;
    }

    public synchronized boolean removeHost(String host) {
        return servicesByHost.remove(host) != null;
    }

    public synchronized List<ComputeService> services() {
        return List.copyOf(servicesByHost.values());
    }

    public synchronized Optional<ComputeService> serviceById(String id) {
        return servicesByHost.values().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public synchronized Optional<ComputeService> serviceByHost(String host) {
        return Optional.ofNullable(servicesByHost.get(host));
    }

    /** Sets a service's admin status (enabled/disabled) with an optional reason, as PUT os-services does. */
    public synchronized ComputeService setServiceStatus(String id, String status, String reason) {
        ComputeService s = serviceById(id).orElseThrow(() -> new NotFound("service " + id));
        ComputeService updated = new ComputeService(
                s.id(), s.host(), status, s.state(), "disabled".equals(status) ? reason : null, s.forcedDown(), now());
        servicesByHost.put(s.host(), updated);
        record("service-" + status, s.host(), reason == null ? "" : reason);
        return updated;
    }

    public synchronized ComputeService setServiceForcedDown(String id, boolean forcedDown) {
        ComputeService s = serviceById(id).orElseThrow(() -> new NotFound("service " + id));
        ComputeService updated = new ComputeService(
                s.id(), s.host(), s.status(), forcedDown ? "down" : "up", s.disabledReason(), forcedDown, now());
        servicesByHost.put(s.host(), updated);
        record(forcedDown ? "service-forced-down" : "service-forced-up", s.host(), "");
        return updated;
    }

    /** Marks a host's service state up or down (what nova would see from heartbeats). */
    public synchronized ComputeService setServiceState(String host, String state) {
        ComputeService s = serviceByHost(host).orElseThrow(() -> new NotFound("compute host " + host));
        ComputeService updated =
                new ComputeService(s.id(), s.host(), s.status(), state, s.disabledReason(), s.forcedDown(), now());
        servicesByHost.put(host, updated);
        return updated;
    }

    /** Places a new ACTIVE server on a host; the host must exist. */
    public synchronized Server addServer(String name, String host, String vmState, Map<String, String> metadata) {
        if (!servicesByHost.containsKey(host)) {
            throw new NotFound("compute host " + host);
        }
        String state = vmState == null ? "active" : vmState;
        Server server = new Server(
                UUID.randomUUID().toString(),
                name,
                host,
                state,
                null,
                powerStateFor(state),
                false,
                Map.copyOf(metadata == null ? Map.of() : metadata));
        servers.put(server.id(), server);
        return server;
    }

    public synchronized List<Server> servers() {
        return List.copyOf(servers.values());
    }

    public synchronized List<Server> serversOnHost(String host) {
        return servers.values().stream().filter(s -> s.host().equals(host)).toList();
    }

    public synchronized Optional<Server> server(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    public synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    public synchronized void injectFault(String serverId, EvacuationFault fault) {
        if (fault == null) {
            faults.remove(serverId);
        } else {
            faults.put(serverId, fault);
        }
    }

    /** Forget servers, actions and faults; re-enable every service. Hosts stay. */
    public synchronized void reset() {
        servers.clear();
        actions.clear();
        faults.clear();
        servicesByHost.replaceAll((h, s) -> new ComputeService(s.id(), h, "enabled", "up", null, false, now()));
    }

    /**
     * Evacuates a server away from its (failed) host. The target is the requested host, or else the
     * first enabled, up compute host other than the current one (the scheduler's choice here).
     * Returns the server as it is right after the call.
     */
    public synchronized Server evacuate(String id, String requestedHost) {
        Server s = servers.get(id);
        if (s == null) {
            throw new NotFound("server " + id);
        }
        if (!List.of("active", "stopped", "error").contains(s.vmState())) {
            throw new Conflict("Cannot 'evacuate' instance " + id + " while it is in vm_state " + s.vmState());
        }
        ComputeService source = servicesByHost.get(s.host());
        if (source != null && "up".equals(source.state()) && !source.forcedDown()) {
            // Real nova refuses to evacuate from a host whose compute service still reports up:
            // the host must have really failed (state down) or be forced down.
            throw new BadRequest("Compute service of " + s.host() + " is still in use.");
        }
        String target = requestedHost;
        if (target == null) {
            target = servicesByHost.values().stream()
                    .filter(c -> !c.host().equals(s.host()) && "enabled".equals(c.status()) && "up".equals(c.state()))
                    .map(ComputeService::host)
                    .findFirst()
                    .orElseThrow(
                            () -> new BadRequest("No valid host was found. There are not enough hosts available."));
        } else if (!servicesByHost.containsKey(target)) {
            throw new NotFound("Compute host " + target + " could not be found.");
        } else if (target.equals(s.host())) {
            throw new BadRequest("The target host can't be the same one.");
        }
        EvacuationFault fault = faults.get(id);
        if (fault == EvacuationFault.REJECT) {
            record("evacuate-rejected", id, s.host());
            throw new BadRequest("Evacuation of " + id + " rejected (injected fault).");
        }
        Server after;
        if (fault == EvacuationFault.ERROR_STATE) {
            after = s.with(b -> {
                b.vmState = "error";
                b.powerState = 0;
            });
        } else if (fault == EvacuationFault.HANG) {
            after = s.with(b -> b.taskState = "rebuilding");
        } else {
            String dest = target;
            after = s.with(b -> b.host = dest);
        }
        servers.put(id, after);
        record("evacuate", id, s.host() + "->" + (fault == null ? target : fault.name()));
        return after;
    }

    public synchronized Server resetState(String id, String state) {
        Server s = servers.get(id);
        if (s == null) {
            throw new NotFound("server " + id);
        }
        Server after = s.with(b -> {
            b.vmState = state;
            b.taskState = null;
        });
        servers.put(id, after);
        record("reset-state", id, state);
        return after;
    }

    public synchronized Server setLocked(String id, boolean locked) {
        Server s = servers.get(id);
        if (s == null) {
            throw new NotFound("server " + id);
        }
        Server after = s.with(b -> b.locked = locked);
        servers.put(id, after);
        record(locked ? "lock" : "unlock", id, "");
        return after;
    }

    public synchronized Server setPower(String id, boolean on) {
        Server s = servers.get(id);
        if (s == null) {
            throw new NotFound("server " + id);
        }
        Server after = s.with(b -> {
            b.vmState = on ? "active" : "stopped";
            b.powerState = on ? 1 : 4;
        });
        servers.put(id, after);
        record(on ? "start" : "stop", id, "");
        return after;
    }

    private void record(String kind, String target, String detail) {
        actions.add(new Action(now(), kind, target, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static int powerStateFor(String vmState) {
        return "active".equals(vmState) ? 1 : 4;
    }

    /** One nova-compute service. */
    public record ComputeService(
            String id,
            String host,
            String status,
            String state,
            String disabledReason,
            boolean forcedDown,
            Instant updatedAt) {}

    /** One server (instance) as nova reports it with the extended attributes masakari reads. */
    public record Server(
            String id,
            String name,
            String host,
            String vmState,
            String taskState,
            int powerState,
            boolean locked,
            Map<String, String> metadata) {
        Server with(Consumer<Builder> change) {
            Builder b = new Builder(this);
            change.accept(b);
            return new Server(id, name, b.host, b.vmState, b.taskState, b.powerState, b.locked, metadata);
        }

        /** Nova's coarse status derived from vm_state. */
        public String status() {
            return switch (vmState) {
                case "active" -> taskState == null ? "ACTIVE" : "REBUILD";
                case "stopped" -> "SHUTOFF";
                case "error" -> "ERROR";
                default -> vmState.toUpperCase();
            };
        }

        static final class Builder {
            String host;
            String vmState;
            String taskState;
            int powerState;
            boolean locked;

            Builder(Server s) {
                host = s.host;
                vmState = s.vmState;
                taskState = s.taskState;
                powerState = s.powerState;
                locked = s.locked;
            }
        }
    }

    /** 404. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what + " could not be found.");
        }
    }

    /** 400. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    /** 409. */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }
}
