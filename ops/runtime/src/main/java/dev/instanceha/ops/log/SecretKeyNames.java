package dev.instanceha.ops.log;

import java.util.List;
import java.util.Locale;

/**
 * Which key names hold secrets: {@code password}, {@code service_password}, {@code maas-api-key},
 * {@code pacemaker_key}, {@code sslKey}, … but not {@code keystone-host} or {@code monkey-business}.
 * A name is secret when it contains a word that always means a secret, or when one of its parts
 * (split at {@code - _ .} and camel case) is a word that does.
 */
final class SecretKeyNames {
    /** Secret wherever they appear in a name. */
    private static final List<String> ALWAYS_SECRET = List.of(
            "password",
            "passwd",
            "passphrase",
            "secret",
            "token",
            "credential",
            "authkey",
            "apikey",
            "privatekey",
            "privkey",
            "sshkey");
    /** Secret as a whole part of a name ({@code ssl_key}, {@code db-pass}), not inside a word ({@code keystone}). */
    private static final List<String> SECRET_PARTS = List.of("key", "keys", "psk", "pass", "pwd", "pw");

    private static final char[][] ALWAYS_SECRET_CHARS =
            ALWAYS_SECRET.stream().map(String::toCharArray).toArray(char[][]::new);
    /** Names whose secret is a password rather than a key or credential set. */
    private static final List<String> PASSWORD_LIKE =
            List.of("password", "passwd", "passphrase", "secret", "token", "authkey");

    private SecretKeyNames() {}

    static boolean isSecret(CharSequence name) {
        return isSecret(name, 0, name.length());
    }

    /**
     * The same for {@code text[start, end)}, without cutting it out first: the redactor asks this
     * for every key-shaped word followed by {@code =} or {@code :}, so it allocates one small array.
     */
    static boolean isSecret(CharSequence text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        char[] squeezed = new char[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '_') {
                squeezed[length++] = lower(c);
            }
        }
        for (char[] word : ALWAYS_SECRET_CHARS) {
            if (contains(squeezed, length, word)) {
                return true;
            }
        }
        int partStart = start;
        for (int i = start + 1; i <= end; i++) {
            if (i == end || isPartBoundary(text, i)) {
                if (isSecretPart(text, partStart, i)) {
                    return true;
                }
                partStart = i < end && isSeparator(text.charAt(i)) ? i + 1 : i;
            }
        }
        return false;
    }

    private static boolean isSecretPart(CharSequence text, int start, int end) {
        for (String part : SECRET_PARTS) {
            if (part.length() == end - start) {
                boolean same = true;
                for (int k = 0; k < part.length() && same; k++) {
                    same = lower(text.charAt(start + k)) == part.charAt(k);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(char[] haystack, int length, char[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
    }

    /** True for names such as {@code service_password} whose value is one opaque secret, not a name set. */
    static boolean isPasswordLike(CharSequence name) {
        String squeezed =
                name.toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return PASSWORD_LIKE.stream().anyMatch(squeezed::contains);
    }

    private static boolean isPartBoundary(CharSequence name, int i) {
        char c = name.charAt(i);
        return isSeparator(c) || Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }
}
