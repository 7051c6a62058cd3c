package dev.instanceha.interfaces;

import dev.instanceha.ops.model.RelationSnapshot;
import dev.instanceha.ops.testing.RelationState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for relation data in tests. */
public final class Fixtures {
    /** A real server certificate and its key (throwaway, made with openssl for these tests). */
    public static final String CERT_PEM = resource("/tls/rsa.pem");

    public static final String KEY_PEM = resource("/tls/rsa.key");
    /** Larger than any value an interface accepts (FieldReader.MAX_BLOB). */
    public static final String OVERSIZED = "a".repeat(FieldReader.MAX_BLOB + 1);
    /** Longer than a single-line value may be (FieldReader.MAX_TEXT), smaller than a blob. */
    public static final String LONG_TEXT = "b".repeat(FieldReader.MAX_TEXT + 1);

    private Fixtures() {}

    /** One relation; units in the order given (the snapshot sorts them by unit number anyway). */
    public static RelationSnapshot relation(
            String endpoint, int id, String app, Map<String, Map<String, String>> units) {
        return RelationSnapshot.ofRemote(endpoint, id, app, Map.of(), units);
    }

    public static RelationSnapshot relation(String endpoint, String app, Map<String, String> unit0) {
        return relation(endpoint, 1, app, Map.of(app + "/0", unit0));
    }

    public static List<RelationSnapshot> one(String endpoint, String app, Map<String, String> unit0) {
        return List.of(relation(endpoint, app, unit0));
    }

    /** The keys Juju itself writes into every unit databag (the kit's one definition of them). */
    public static Map<String, String> jujuAddresses(String ip) {
        return RelationState.addressKeys(ip);
    }

    /** A copy with keys replaced; a null value removes the key. */
    public static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> m = new TreeMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove(keyValues[i]);
            } else {
                m.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    public static Map<String, String> without(Map<String, String> base, String key) {
        return with(base, key, null);
    }

    public static String base64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (java.io.InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
