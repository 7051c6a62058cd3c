package dev.instanceha.interfaces;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads raw Juju values out of one databag and collects what is wrong with them, so a parser can
 * read every field first and then report all problems at once. Problems name the key, never the
 * value: values may be secrets.
 */
public final class FieldReader {
    /** OpenStack charms write this for "unset" (charm-helpers peer_store_and_set of None). */
    public static final String NULL_MARKER = "__null__";
    /** Single-line values (names, hosts, passwords): generous, but bounded. */
    public static final int MAX_TEXT = 4096;
    /** PEM bundles, base64 CAs, JSON blobs. */
    public static final int MAX_BLOB = 1 << 20;

    private final String source;
    private final Map<String, String> data;
    private final List<String> problems = new ArrayList<>();

    public FieldReader(String source, Map<String, String> data) {
        this.source = source;
        this.data = data == null ? Map.of() : data;
    }

    public String source() {
        return source;
    }

    /** Whether the key holds a value (absent, blank and {@code __null__} all mean "no"). */
    public boolean has(String key) {
        String v = data.get(key);
        return v != null && !v.isBlank() && !NULL_MARKER.equals(v.strip());
    }

    /** A single-line text value, trimmed; empty when unset; a problem when too long or multi-line. */
    public Optional<String> text(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        String v = data.get(key).strip();
        if (v.length() > MAX_TEXT) {
            return fail("'" + key + "' is too long (" + v.length() + " chars, max " + MAX_TEXT + ")");
        }
        if (hasControlChars(v, false)) {
            return fail("'" + key + "' contains control characters");
        }
        return Optional.of(v);
    }

    /** Like {@link #text} but a missing value is a problem; returns null then. */
    public String requiredText(String key) {
        return required(key, text(key));
    }

    /**
     * A whitespace-separated list (allowed_units): any whitespace separates, and the bound is the blob
     * size since a large application lists hundreds of units.
     */
    public Optional<List<String>> words(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        String v = data.get(key).strip();
        if (v.length() > MAX_BLOB) {
            return fail("'" + key + "' is too long (" + v.length() + " chars, max " + MAX_BLOB + ")");
        }
        return Optional.of(List.of(v.split("\\s+")));
    }

    /** A host name or IP literal. */
    public Optional<String> host(String key) {
        Optional<String> v = text(key);
        if (v.isPresent() && !Net.isHost(v.get())) {
            return fail("'" + key + "' is not a host name or IP address");
        }
        return v;
    }

    public String requiredHost(String key) {
        return required(key, host(key));
    }

    /** A TCP port 1..65535. */
    public Optional<Integer> port(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Integer port = Net.parsePort(v.get());
        if (port == null) {
            return fail("'" + key + "' is not a port number");
        }
        return Optional.of(port);
    }

    public int requiredPort(String key) {
        Integer p = required(key, port(key));
        return p == null ? 0 : p;
    }

    /** A positive integer (timeouts, counts). */
    public Optional<Integer> positiveInt(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n > 0) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return fail("'" + key + "' is not a positive integer");
    }

    /** A raw PEM value (certificates, keys); may span lines. */
    public Optional<String> pem(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        return checkPem(key, data.get(key));
    }

    /**
     * A PEM document transported base64-encoded (keystone ca_cert, rabbitmq ssl_ca, mysql ssl_*).
     * A value that already is PEM is taken as is: providers behind a proxy (mysql-router) pass on
     * what they received, and the research does not pin down that encoding.
     */
    public Optional<String> base64Pem(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        String v = data.get(key).strip();
        if (v.startsWith("-----BEGIN ")) {
            return checkPem(key, data.get(key));
        }
        if (v.length() > MAX_BLOB) {
            return fail("'" + key + "' is too long (" + v.length() + " chars, max " + MAX_BLOB + ")");
        }
        String decoded;
        try {
            // Line breaks are tolerated (base64 tools wrap at 76); anything else non-base64 is not.
            decoded = new String(Base64.getDecoder().decode(v.replaceAll("\\s", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fail("'" + key + "' is not valid base64");
        }
        return checkPem(key, decoded);
    }

    /** Base64 text that must decode (secrets such as the pacemaker key); the value is returned as sent. */
    public Optional<String> base64(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        // A key is binary: pacemaker's authkey is commonly 4096 bytes, 5464 base64 characters, so the
        // bound is the blob size, not the text size.
        String raw = data.get(key).strip();
        if (raw.length() > MAX_BLOB) {
            return fail("'" + key + "' is too long (" + raw.length() + " chars, max " + MAX_BLOB + ")");
        }
        Optional<String> v = Optional.of(raw);
        try {
            if (Base64.getDecoder().decode(v.get()).length == 0) {
                return fail("'" + key + "' decodes to nothing");
            }
        } catch (IllegalArgumentException e) {
            return fail("'" + key + "' is not valid base64");
        }
        return v;
    }

    /** A JSON document; null when absent, a problem when it does not parse. */
    public Optional<JsonNode> json(String key) {
        return json(key, Json.STRICT);
    }

    /** JSON, or the Python-literal spelling some older charms send (single quotes). */
    public Optional<JsonNode> lenientJson(String key) {
        return json(key, Json.LENIENT);
    }

    private Optional<JsonNode> json(String key, Json.Parser parser) {
        if (!has(key)) {
            return Optional.empty();
        }
        String v = data.get(key);
        if (v.length() > MAX_BLOB) {
            return fail("'" + key + "' is too long (" + v.length() + " chars, max " + MAX_BLOB + ")");
        }
        Optional<JsonNode> node = parser.parse(v);
        if (node.isEmpty()) {
            return fail("'" + key + "' is not valid JSON");
        }
        return node;
    }

    /** Juju/OpenStack truthy strings ("true", "yes", "True"). */
    public boolean flag(String key) {
        Optional<String> v = text(key);
        return v.isPresent() && (v.get().equalsIgnoreCase("true") || v.get().equalsIgnoreCase("yes"));
    }

    /** Records a problem found by the caller (cross-field checks). */
    public void problem(String description) {
        problems.add(description);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** "unit: problem; problem". */
    public String summary() {
        return source + ": " + String.join(", ", problems);
    }

    /** Complete with the built value when no problem was found, otherwise incomplete with the summary. */
    public <T> Completeness<T> result(Supplier<T> build) {
        return ok() ? Completeness.complete(build.get()) : Completeness.incomplete(summary());
    }

    private <T> T required(String key, Optional<T> v) {
        if (v.isEmpty() && !has(key)) {
            problems.add("missing '" + key + "'");
        }
        return v.orElse(null);
    }

    private Optional<String> checkPem(String key, String v) {
        if (v.length() > MAX_BLOB) {
            return fail("'" + key + "' is too long (" + v.length() + " chars, max " + MAX_BLOB + ")");
        }
        if (!v.contains("-----BEGIN ") || !v.contains("-----END ")) {
            return fail("'" + key + "' is not PEM");
        }
        if (hasControlChars(v, true)) {
            return fail("'" + key + "' contains control characters");
        }
        return Optional.of(v);
    }

    private <T> Optional<T> fail(String description) {
        problems.add(description);
        return Optional.empty();
    }

    static boolean hasControlChars(String v, boolean multiLine) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if ((c < 0x20 || c == 0x7f) && !allowed) {
                return true;
            }
        }
        return false;
    }
}
