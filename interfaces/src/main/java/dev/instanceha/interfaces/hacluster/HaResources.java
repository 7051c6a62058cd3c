package dev.instanceha.interfaces.hacluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The pacemaker objects a principal asks hacluster to manage: the fields of charm-interface-hacluster's
 * CRM dict. Values are crm shell fragments (e.g. a primitive's params and ops), passed through as is.
 */
public record HaResources(
        Map<String, String> resources,
        Map<String, String> resourceParams,
        Map<String, String> groups,
        Map<String, String> ms,
        Map<String, String> orders,
        Map<String, String> colocations,
        Map<String, String> clones,
        Map<String, String> locations,
        List<String> initServices,
        List<String> systemdServices,
        List<String> deleteResources) {

    /** CIB ids: an XML NCName in practice; no spaces, quotes or newlines that could reach crm. */
    static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

    public static final HaResources EMPTY = builder().build();

    public HaResources {
        resources = sorted(resources);
        resourceParams = sorted(resourceParams);
        groups = sorted(groups);
        ms = sorted(ms);
        orders = sorted(orders);
        colocations = sorted(colocations);
        clones = sorted(clones);
        locations = sorted(locations);
        initServices = List.copyOf(initServices);
        systemdServices = List.copyOf(systemdServices);
        deleteResources = List.copyOf(deleteResources);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public boolean isEmpty() {
        return resources.isEmpty()
                && resourceParams.isEmpty()
                && groups.isEmpty()
                && ms.isEmpty()
                && orders.isEmpty()
                && colocations.isEmpty()
                && clones.isEmpty()
                && locations.isEmpty()
                && initServices.isEmpty()
                && systemdServices.isEmpty()
                && deleteResources.isEmpty();
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects objects in the order a charm thinks of them; the record sorts them. */
    public static final class Builder {
        private final Map<String, String> resources = new TreeMap<>();
        private final Map<String, String> resourceParams = new TreeMap<>();
        private final Map<String, String> groups = new TreeMap<>();
        private final Map<String, String> ms = new TreeMap<>();
        private final Map<String, String> orders = new TreeMap<>();
        private final Map<String, String> colocations = new TreeMap<>();
        private final Map<String, String> clones = new TreeMap<>();
        private final Map<String, String> locations = new TreeMap<>();
        private final List<String> initServices = new ArrayList<>();
        private final List<String> systemdServices = new ArrayList<>();
        private final List<String> deleteResources = new ArrayList<>();

        /** A primitive: agent such as {@code ocf:heartbeat:IPaddr2}; params in crm syntax (may be empty). */
        public Builder primitive(String name, String agent, String params) {
            requireId(name);
            resources.put(name, agent);
            if (params != null && !params.isBlank()) {
                resourceParams.put(name, params);
            }
            return this;
        }

        public Builder group(String name, List<String> members) {
            requireId(name);
            members.forEach(Builder::requireId);
            groups.put(name, String.join(" ", members));
            return this;
        }

        public Builder clone(String name, String resource) {
            requireId(name);
            requireId(resource);
            clones.put(name, resource);
            return this;
        }

        public Builder ms(String name, String spec) {
            requireId(name);
            ms.put(name, spec);
            return this;
        }

        public Builder order(String name, String spec) {
            requireId(name);
            orders.put(name, spec);
            return this;
        }

        public Builder colocation(String name, String spec) {
            requireId(name);
            colocations.put(name, spec);
            return this;
        }

        public Builder location(String name, String spec) {
            requireId(name);
            locations.put(name, spec);
            return this;
        }

        public Builder initService(String service) {
            initServices.add(service);
            return this;
        }

        public Builder systemdService(String service) {
            systemdServices.add(service);
            return this;
        }

        public Builder deleteResource(String name) {
            requireId(name);
            deleteResources.add(name);
            return this;
        }

        public HaResources build() {
            return new HaResources(
                    new TreeMap<>(resources),
                    new TreeMap<>(resourceParams),
                    new TreeMap<>(groups),
                    new TreeMap<>(ms),
                    new TreeMap<>(orders),
                    new TreeMap<>(colocations),
                    new TreeMap<>(clones),
                    new TreeMap<>(locations),
                    initServices,
                    systemdServices,
                    deleteResources);
        }

        private static void requireId(String id) {
            if (!isValidId(id)) {
                throw new IllegalArgumentException("not a valid pacemaker id: " + id);
            }
        }
    }
}
