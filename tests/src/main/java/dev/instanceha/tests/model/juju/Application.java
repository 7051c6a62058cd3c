package dev.instanceha.tests.model.juju;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deployed application: its charm, config, units, leader and leader settings. */
public final class Application {
    final String name;
    Path charmPath; // null for a stand-in
    final StandIn standIn; // null for a packed charm
    CharmMeta meta;
    final Map<String, Object> config = new LinkedHashMap<>();
    final List<Unit> units = new ArrayList<>();
    final Map<String, String> leaderSettings = new LinkedHashMap<>();
    Status appStatus = Status.UNKNOWN;
    String version = "";
    int nextUnit;
    int charmRevision;

    Application(String name, Path charmPath, StandIn standIn, CharmMeta meta) {
        this.name = name;
        this.charmPath = charmPath;
        this.standIn = standIn;
        this.meta = meta;
    }

    public String name() {
        return name;
    }

    public boolean subordinate() {
        return meta.subordinate();
    }

    public List<Unit> units() {
        return List.copyOf(units);
    }

    Unit leader() {
        return units.stream().filter(u -> u.leader).findFirst().orElse(null);
    }

    /** Config as config-get shows it: charm defaults overlaid with what was set. */
    Map<String, Object> effectiveConfig() {
        Map<String, Object> all = new LinkedHashMap<>(meta.configDefaults());
        all.putAll(config);
        return all;
    }
}
