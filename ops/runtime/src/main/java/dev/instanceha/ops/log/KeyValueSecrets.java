package dev.instanceha.ops.log;

import java.util.regex.Pattern;

/**
 * Masks the values of secret-named keys in {@code k=v}, {@code k: v}, {@code "k": "v"} and
 * {@code k='v'} forms, in one forward pass. (A regular expression with a greedy key part before
 * and after the keyword backtracks over every word character for every start position: quadratic
 * on a long token such as a pasted certificate.)
 *
 * <p>Three shapes that only look like secrets are left alone, as they are never a value:
 * a source position or an exception class in a stack trace ({@code KeystoneToken.java:42},
 * {@code InvalidKeyException: Illegal key size}), a format description made
 * of key names ({@code consumer_key:token_key:token_secret}) or a placeholder ({@code <password>}),
 * and a unit name after a relation name in prose ({@code identity-credentials: keystone/0 missing}).
 */
final class KeyValueSecrets {
    private static final Pattern SOURCE_FILE = Pattern.compile("[\\w$.-]+\\.(?:java|kt|scala|groovy)");
    private static final Pattern LINE_NUMBER = Pattern.compile("\\d+\\)?");
    private static final Pattern KEY_NAME_LIST = Pattern.compile("[a-z]+(?:[_-][a-z]+)*(?::[a-z]+(?:[_-][a-z]+)*)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z]+(?:[ _-][a-z]+)*>");
    private static final Pattern UNIT_NAME = Pattern.compile("[a-z][a-z0-9-]*/\\d+");

    private static final int MAX_EXEMPT_LENGTH = 200;

    private final String text;
    private final String mask;
    /** Opening quotes at or after this index have no closing quote (see {@link #closingQuote}). */
    private int noClosingDoubleQuoteAfter = Integer.MAX_VALUE;

    private int noClosingSingleQuoteAfter = Integer.MAX_VALUE;

    private KeyValueSecrets(String text, String mask) {
        this.text = text;
        this.mask = mask;
    }

    static String mask(String text, String mask) {
        return new KeyValueSecrets(text, mask).run();
    }

    private String run() {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int keyStart = i;
            while (i < n && isKeyChar(text.charAt(i))) {
                i++;
            }
            int keyEnd = i;
            int j = keyEnd;
            if (keyStart > 0 && text.charAt(keyStart - 1) == '"' && j < n && text.charAt(j) == '"') {
                j++;
            }
            j = skipSpaces(j);
            if (j >= n || text.charAt(j) != ':' && text.charAt(j) != '=') {
                continue;
            }
            int separator = j;
            int valueStart = skipSpaces(j + 1);
            if (valueStart >= n) {
                continue;
            }
            if (!SecretKeyNames.isSecret(text, keyStart, keyEnd)) {
                continue;
            }
            String key = text.substring(keyStart, keyEnd);
            int valueEnd = valueEnd(valueStart);
            if (valueEnd == valueStart) {
                continue;
            }
            if (isNeverASecret(key, keyEnd, separator, valueStart, valueEnd)) {
                i = valueEnd;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            char open = text.charAt(valueStart);
            boolean quoted =
                    (open == '"' || open == '\'') && valueEnd - valueStart >= 2 && text.charAt(valueEnd - 1) == open;
            out.append(text, copied, valueStart);
            out.append(quoted ? open + mask + open : mask);
            copied = valueEnd;
            i = valueEnd;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** End of the value at {@code start}: a quoted string when it closes, else a run up to a delimiter. */
    private int valueEnd(int start) {
        char c = text.charAt(start);
        if (c == '"' || c == '\'') {
            int close = closingQuote(start);
            if (close >= 0) {
                return close + 1;
            }
        }
        int i = start;
        while (i < text.length() && !isValueStop(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The closing quote for the one at {@code open}, or -1. A failed search is remembered: a later
     * opening quote lies inside the failed scan, which read it as escaped and so stood in the same
     * state right after it, so that search would fail too. Each character is scanned once.
     */
    private int closingQuote(int open) {
        char quote = text.charAt(open);
        int noneAfter = quote == '"' ? noClosingDoubleQuoteAfter : noClosingSingleQuoteAfter;
        if (open > noneAfter) {
            return -1;
        }
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        if (quote == '"') {
            noClosingDoubleQuoteAfter = open;
        } else {
            noClosingSingleQuoteAfter = open;
        }
        return -1;
    }

    private boolean isNeverASecret(String key, int keyEnd, int separator, int valueStart, int valueEnd) {
        // The exempt shapes are all short; a long value is masked without looking (and no pattern
        // ever sees a megabyte: repeated groups in java.util.regex recurse per repetition).
        if (key.length() > MAX_EXEMPT_LENGTH || valueEnd - valueStart > MAX_EXEMPT_LENGTH) {
            return false;
        }
        String value = text.substring(valueStart, valueEnd);
        boolean colon = text.charAt(separator) == ':';
        boolean tight = separator == keyEnd && valueStart == separator + 1;
        // Each pattern runs only after a cheap test that its shape is possible.
        if (colon
                && tight
                && Character.isDigit(value.charAt(0))
                && SOURCE_FILE.matcher(key).matches()
                && LINE_NUMBER.matcher(value).matches()) {
            return true;
        }
        if (colon
                && tight
                && value.indexOf(':') > 0
                && KEY_NAME_LIST
                        .matcher(key.toLowerCase(java.util.Locale.ROOT) + ":" + value)
                        .matches()
                && allSecretNames(value)) {
            return true;
        }
        if (colon
                && separator == keyEnd
                && valueStart > separator + 1
                && isExceptionClass(key)
                && !SecretKeyNames.isPasswordLike(key)) {
            return true; // "java.security.InvalidKeyException: Illegal key size" names a class, not a key
        }
        if (value.charAt(0) == '<' && PLACEHOLDER.matcher(value).matches()) {
            return true;
        }
        boolean endsTheWord = valueEnd == text.length() || Character.isWhitespace(text.charAt(valueEnd));
        return colon
                && valueStart > separator + 1
                && endsTheWord
                && value.indexOf('/') > 0
                && !SecretKeyNames.isPasswordLike(key)
                && UNIT_NAME.matcher(value).matches();
    }

    private static boolean isExceptionClass(String key) {
        return (key.endsWith("Exception") || key.endsWith("Error"))
                && Character.isUpperCase(key.charAt(key.lastIndexOf('.') + 1));
    }

    private static boolean allSecretNames(String value) {
        for (String part : value.split(":")) {
            if (!SecretKeyNames.isSecret(part)) {
                return false;
            }
        }
        return true;
    }

    private int skipSpaces(int i) {
        while (i < text.length() && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static boolean isValueStop(char c) {
        return isRegexSpace(c) || c == ',' || c == ';' || c == '&' || c == '}' || c == ']';
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
