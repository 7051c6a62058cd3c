package dev.instanceha.simulators.maas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Request parsing and response writing shared by the simulator's handlers. */
final class Exchanges {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MULTIPART_FIELD =
            Pattern.compile("name=\"([^\"]+)\"\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)");

    private Exchanges() {}

    /** Query-string parameters; repeated names (MAAS uses {@code hostname=a&hostname=b}) keep every value. */
    static Map<String, List<String>> query(HttpExchange exchange) {
        return decodeForm(exchange.getRequestURI().getRawQuery());
    }

    /** Form fields of a POST body, urlencoded or multipart (MAAS clients send either). */
    static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("multipart/form-data")) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Matcher m = MULTIPART_FIELD.matcher(body);
            while (m.find()) {
                fields.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
            return fields;
        }
        return decodeForm(body);
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> decodeForm(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** MAAS error bodies are text/plain, not JSON. */
    static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-MAAS-API-Hash", "0000000000000000000000000000000000000000");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
