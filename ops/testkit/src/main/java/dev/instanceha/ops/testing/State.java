package dev.instanceha.ops.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Juju holds for one unit, as a test sets it up before an event and reads it after.
 * Immutable; the {@code with…} methods return changed copies.
 */
public record State(
        String unit,
        boolean leader,
        Map<String, Object> config,
        List<RelationState> relations,
        Map<String, String> unitState,
        String address,
        List<String> openedPorts) {
    public State {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        relations = List.copyOf(relations);
        unitState = Map.copyOf(unitState);
        openedPorts = List.copyOf(openedPorts);
    }

    public static State of(String unit) {
        return new State(unit, false, Map.of(), List.of(), Map.of(), "10.251.0.10", List.of());
    }

    public String app() {
        return unit.substring(0, unit.indexOf('/'));
    }

    public State withLeader(boolean isLeader) {
        return new State(unit, isLeader, config, relations, unitState, address, openedPorts);
    }

    public State withConfig(Map<String, Object> values) {
        return new State(unit, leader, values, relations, unitState, address, openedPorts);
    }

    /** Adds or changes one option, keeping the others. */
    public State withConfig(String key, Object value) {
        Map<String, Object> merged = new LinkedHashMap<>(config);
        merged.put(key, value);
        return withConfig(merged);
    }

    /** Adds the relation, replacing one with the same id. */
    public State withRelation(RelationState relation) {
        List<RelationState> out = new ArrayList<>();
        relations.stream().filter(r -> r.id() != relation.id()).forEach(out::add);
        out.add(relation);
        return new State(unit, leader, config, out, unitState, address, openedPorts);
    }

    public State withoutRelation(int id) {
        return new State(
                unit,
                leader,
                config,
                relations.stream().filter(r -> r.id() != id).toList(),
                unitState,
                address,
                openedPorts);
    }

    public State withUnitState(Map<String, String> values) {
        return new State(unit, leader, config, relations, values, address, openedPorts);
    }

    public State withAddress(String ingressAddress) {
        return new State(unit, leader, config, relations, unitState, ingressAddress, openedPorts);
    }

    public State withOpenedPorts(List<String> ports) {
        return new State(unit, leader, config, relations, unitState, address, ports);
    }

    public Optional<RelationState> relation(int id) {
        return relations.stream().filter(r -> r.id() == id).findFirst();
    }

    /** The only relation on an endpoint; fails the test if there is not exactly one. */
    public RelationState relation(String endpoint) {
        List<RelationState> matching =
                relations.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one relation on " + endpoint + ", found " + matching.size());
        }
        return matching.get(0);
    }
}
