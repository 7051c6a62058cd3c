package dev.instanceha.ops.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * An HTTP API call failed: the service answered with an error status, answered something unusable,
 * or could not be reached (status 0). The message is for an operator and safe to log: the URL has no
 * user info and no query (where tokens and keys travel), and the body excerpt is one short line with
 * the values of password/token/secret/key fields masked.
 */
public class ApiException extends RuntimeException {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 200;
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"[^\"]*(?:password|token|secret|key|credential)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);

    private final int status;
    private final String method;
    private final String url;
    private final String bodyExcerpt;

    private ApiException(
            String service, int status, String method, URI url, String bodyExcerpt, String what, Throwable cause) {
        super(
                service + " " + method + " " + redacted(url) + " " + what
                        + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt),
                cause);
        this.status = status;
        this.method = method;
        this.url = redacted(url);
        this.bodyExcerpt = bodyExcerpt;
    }

    /** The service answered {@code status}, which the caller cannot use. */
    public static ApiException status(String service, String method, URI url, int status, String body) {
        return new ApiException(service, status, method, url, excerpt(body), "answered HTTP " + status, null);
    }

    /** A 2xx answer without what it must carry (a header, JSON). */
    public static ApiException badAnswer(String service, String method, URI url, int status, String problem) {
        return new ApiException(service, status, method, url, "", "answered HTTP " + status + " " + problem, null);
    }

    /** No answer: refused, unresolvable, timed out, TLS failed. */
    public static ApiException unreachable(String service, String method, URI url, IOException cause) {
        String reason = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        return new ApiException(service, 0, method, url, "", "cannot be reached (" + reason + ")", cause);
    }

    /** The wait for an answer was interrupted; the caller should stop. */
    public static ApiException interrupted(String service, String method, URI url) {
        Thread.currentThread().interrupt();
        return new ApiException(service, 0, method, url, "", "interrupted", null);
    }

    /** HTTP status, or 0 when no usable answer came. */
    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    /** The URL without user info and query. */
    public String url() {
        return url;
    }

    /** The start of the answer on one line, secrets masked; empty when there was none. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    static String redacted(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }

    /**
     * OpenStack faults ({@code {"badRequest": {"message": "…", "code": 400}}}) give their message;
     * anything else its start, with secret-looking JSON fields masked.
     */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = faultMessage(body);
        text = SECRET_FIELD.matcher(text.strip().replaceAll("\\s+", " ")).replaceAll("$1\"***\"");
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "… (" + text.length() + " chars)" : text;
    }

    private static String faultMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                for (JsonNode fault : node) {
                    if (fault.isObject() && fault.path("message").isTextual()) {
                        return fault.get("message").asText();
                    }
                }
            }
        } catch (IOException notJson) {
            // the raw text then
        }
        return body;
    }
}
