package dev.instanceha.interfaces.hacluster;

import dev.instanceha.interfaces.Completeness;
import dev.instanceha.interfaces.Json;
import dev.instanceha.interfaces.RemoteUnit;
import dev.instanceha.ops.model.Endpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The principal's side of interface {@code hacluster} (endpoint {@code ha}, container scope): sends
 * its pacemaker objects, learns from {@code clustered} when hacluster has configured them (the VIP
 * is usable from then on).
 */
public final class HaClusterRequirer {
    public static final String ENDPOINT = "ha";
    /** charm-interface-hacluster bind_resources' default. */
    public static final int DEFAULT_MCAST_PORT = 4440;

    private final Endpoint endpoint;

    public HaClusterRequirer(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Sends the principal's pacemaker objects to hacluster. */
    public void request(HaResources resources, Optional<String> bindIface, int mcastPort) {
        endpoint.publish(unitData(resources, bindIface, mcastPort));
    }

    /**
     * For this unit's databag: every CRM field as {@code json_<field>} = sorted JSON. Empty fields are
     * sent as {@code {}} / {@code []} rather than left out, so that an object removed here (e.g. a
     * delete_resources entry already processed) does not linger in the databag.
     */
    static Map<String, String> unitData(HaResources resources, Optional<String> bindIface, int mcastPort) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(HaClusterKeys.BIND_IFACE, bindIface.orElse(""));
        data.put(HaClusterKeys.MCAST_PORT, Integer.toString(mcastPort));
        data.put(HaClusterKeys.json("resources"), Json.encode(resources.resources()));
        data.put(HaClusterKeys.json("resource_params"), Json.encode(resources.resourceParams()));
        data.put(HaClusterKeys.json("groups"), Json.encode(resources.groups()));
        data.put(HaClusterKeys.json("ms"), Json.encode(resources.ms()));
        data.put(HaClusterKeys.json("orders"), Json.encode(resources.orders()));
        data.put(HaClusterKeys.json("colocations"), Json.encode(resources.colocations()));
        data.put(HaClusterKeys.json("clones"), Json.encode(resources.clones()));
        data.put(HaClusterKeys.json("locations"), Json.encode(resources.locations()));
        data.put(HaClusterKeys.json("init_services"), Json.encode(resources.initServices()));
        data.put(HaClusterKeys.json("systemd_services"), Json.encode(resources.systemdServices()));
        data.put(HaClusterKeys.json("delete_resources"), Json.encode(resources.deleteResources()));
        return data;
    }

    /** The hacluster unit that reported {@code clustered}. */
    public record Clustered(String unit) {}

    /** Complete once a hacluster unit says {@code clustered} is "yes" or "true" (any case). */
    public Completeness<Clustered> read() {
        if (!endpoint.isRelated()) {
            return Completeness.incomplete(ENDPOINT + ": not related");
        }
        List<RemoteUnit> units = RemoteUnit.all(endpoint.relations());
        if (units.isEmpty()) {
            return Completeness.incomplete(ENDPOINT + ": no remote unit has joined");
        }
        for (RemoteUnit unit : units) {
            if (unit.reader().flag(HaClusterKeys.CLUSTERED)) {
                return Completeness.complete(new Clustered(unit.unit()));
            }
        }
        return Completeness.incomplete(
                ENDPOINT + ": " + units.get(0).unit() + ": '" + HaClusterKeys.CLUSTERED + "' is not yes/true yet");
    }

    /**
     * A hacluster unit whose {@code clustered} is neither empty nor yes/no/true/false: that is not
     * what hacluster writes, so the principal says so instead of reading it as "not yet".
     */
    public java.util.Optional<String> malformed() {
        for (RemoteUnit unit : RemoteUnit.all(endpoint.relations())) {
            var reader = unit.reader();
            java.util.Optional<String> v = reader.text(HaClusterKeys.CLUSTERED);
            if (!reader.ok()
                    || v.isPresent()
                            && !java.util.Set.of("yes", "no", "true", "false")
                                    .contains(v.get().strip().toLowerCase(java.util.Locale.ROOT))) {
                return java.util.Optional.of(unit.unit() + ": '" + HaClusterKeys.CLUSTERED + "' is not yes or no");
            }
        }
        return java.util.Optional.empty();
    }

    public boolean clustered() {
        return read().isComplete();
    }

    public boolean isRelated() {
        return endpoint.isRelated();
    }
}
