package dev.instanceha.ops.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * A {@link RelationView} whose databags are read on first use and then kept: every bag costs a
 * hook-tool process, and most hooks read only the remote side of most relations.
 */
final class LazyRelation implements RelationView {
    private final String endpoint;
    private final int id;
    private final Memo<String> remoteApp;
    private final Memo<Map<String, String>> remoteAppData;
    private final Memo<SortedMap<String, Map<String, String>>> remoteUnitsData;
    private final Memo<Map<String, String>> localUnitData;
    private final Memo<Map<String, String>> localAppData;

    LazyRelation(
            String endpoint,
            int id,
            Supplier<String> remoteApp,
            Supplier<Map<String, String>> remoteAppData,
            Supplier<SortedMap<String, Map<String, String>>> remoteUnitsData,
            Supplier<Map<String, String>> localUnitData,
            Supplier<Map<String, String>> localAppData) {
        this.endpoint = endpoint;
        this.id = id;
        this.remoteApp = new Memo<>(remoteApp);
        this.remoteAppData = new Memo<>(remoteAppData);
        this.remoteUnitsData = new Memo<>(remoteUnitsData);
        this.localUnitData = new Memo<>(localUnitData);
        this.localAppData = new Memo<>(localAppData);
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String remoteApp() {
        return remoteApp.get();
    }

    @Override
    public Map<String, String> remoteAppData() {
        return remoteAppData.get();
    }

    @Override
    public SortedMap<String, Map<String, String>> remoteUnitsData() {
        return remoteUnitsData.get();
    }

    @Override
    public Map<String, String> localUnitData() {
        return localUnitData.get();
    }

    @Override
    public Map<String, String> localAppData() {
        return localAppData.get();
    }

    @Override
    public String toString() {
        return "relation " + relationRef(); // never the data: it may hold passwords
    }

    private static final class Memo<T> implements Supplier<T> {
        private Supplier<T> source;
        private T value;

        Memo(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
