package dev.instanceha.ops.log;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged: values of keys named like a password, key,
 * secret or token (in {@code k=v}, {@code k: v} and JSON {@code "k": "v"} forms), and any value
 * the charm registered as secret (a password read from a relation, say) wherever it appears.
 */
public final class Redactor {
    public static final String MASK = "***";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(password|passwd|secret|token|credential|authkey|api[-_]?key|private[-_]?key|(^|[-_.])key$)");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\"?)([\\w.-]*(?:password|passwd|secret|token|credential|authkey|key)[\\w.-]*)\\1(\\s*[:=]\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;&}\\]]+)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]+:)([^@\\s]+)(@)");
    private final Set<String> secrets = Collections.newSetFromMap(new ConcurrentHashMap<>());

    /** True for keys whose values must never be logged ({@code password}, {@code pacemaker-key}, …). */
    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
    }

    /** Masks this exact value from now on (ignored when shorter than 4 characters: too many false hits). */
    public void registerSecret(String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = URL_PASSWORD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        Matcher matcher = KEY_VALUE.matcher(out);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(4);
            String masked = value.startsWith("\"") ? "\"" + MASK + "\"" : value.startsWith("'") ? "'" + MASK + "'" : MASK;
            matcher.appendReplacement(result, Matcher.quoteReplacement(
                    matcher.group(1) + matcher.group(2) + matcher.group(1) + matcher.group(3) + masked));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
