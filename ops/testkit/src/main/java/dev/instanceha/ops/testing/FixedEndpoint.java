package dev.instanceha.ops.testing;

import dev.instanceha.ops.model.Endpoint;
import dev.instanceha.ops.model.RelationView;
import dev.instanceha.ops.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint over fixed relations, for testing a typed interface without a hook: what it
 * publishes and the secrets it registers are kept for the test to assert on.
 */
public final class FixedEndpoint implements Endpoint {
    private final String name;
    private final List<? extends RelationView> relations;
    private final String localUnit;
    private final String address;
    private final Map<String, String> published = new LinkedHashMap<>();
    private final Map<String, String> publishedApp = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();

    public FixedEndpoint(String name, List<? extends RelationView> relations, String localUnit, String address) {
        this.name = name;
        this.relations = List.copyOf(relations);
        this.localUnit = localUnit;
        this.address = address;
    }

    /** Endpoint {@code name} of unit {@code local/0} at 10.0.0.10 over {@code relations}. */
    public static FixedEndpoint of(String name, RelationView... relations) {
        return new FixedEndpoint(name, List.of(relations), "local/0", "10.0.0.10");
    }

    public static FixedEndpoint of(String name, List<? extends RelationView> relations) {
        return new FixedEndpoint(name, relations, "local/0", "10.0.0.10");
    }

    public FixedEndpoint asUnit(String unit) {
        return new FixedEndpoint(name, relations, unit, address);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<? extends RelationView> relations() {
        return relations;
    }

    @Override
    public String localUnit() {
        return localUnit;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void publish(Map<String, String> data) {
        published.putAll(data);
    }

    @Override
    public void publishApp(Map<String, String> data) {
        publishedApp.putAll(data);
    }

    @Override
    public Secret secret(String value) {
        secrets.add(value);
        return Secret.of(value);
    }

    /** This unit's data as published so far (merged like a databag). */
    public Map<String, String> published() {
        return Map.copyOf(published);
    }

    public Map<String, String> publishedApp() {
        return Map.copyOf(publishedApp);
    }

    /** Every secret value the interface registered with the redactor, in order. */
    public List<String> registeredSecrets() {
        return List.copyOf(secrets);
    }
}
