package dev.instanceha.simulators.maas;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an {@code Authorization: OAuth ...} header the way MAAS does for its API keys:
 * 0-legged OAuth 1.0 with PLAINTEXT signatures, where the signature is {@code &<token_secret>}
 * (the consumer secret is empty). Parameter values may be percent-encoded and quoted.
 */
final class OAuthPlaintext {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]*)");

    private final String consumerKey;
    private final String tokenKey;
    private final String tokenSecret;

    OAuthPlaintext(String apiKey) {
        String[] parts = apiKey.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a MAAS API key has three ':'-separated parts");
        }
        consumerKey = parts[0];
        tokenKey = parts[1];
        tokenSecret = parts[2];
    }

    String tokenKey() {
        return tokenKey;
    }

    /** @return null when the header is acceptable, otherwise the reason to answer 401 */
    String reject(String header) {
        if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return "no OAuth Authorization header";
        }
        Map<String, String> params = parse(header.substring(6));
        if (!"PLAINTEXT".equals(params.get("oauth_signature_method"))) {
            return "unsupported signature method " + params.get("oauth_signature_method");
        }
        for (String required :
                new String[] {"oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_nonce", "oauth_timestamp"
                }) {
            if (params.get(required) == null || params.get(required).isEmpty()) {
                return "missing " + required;
            }
        }
        if (params.containsKey("oauth_version") && !"1.0".equals(params.get("oauth_version"))) {
            return "unsupported oauth_version";
        }
        if (!consumerKey.equals(params.get("oauth_consumer_key"))) {
            return "Invalid consumer.";
        }
        // MAAS echoes the token key here; the agent must redact it.
        if (!tokenKey.equals(params.get("oauth_token"))) {
            return "Invalid access token: " + params.get("oauth_token");
        }
        if (!("&" + tokenSecret).equals(params.get("oauth_signature"))) {
            return "Invalid signature.";
        }
        return null;
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            String raw = m.group(3) != null ? m.group(3) : m.group(2);
            params.put(m.group(1), URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return params;
    }
}
