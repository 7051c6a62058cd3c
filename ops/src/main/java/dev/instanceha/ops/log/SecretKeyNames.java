package dev.instanceha.ops.log;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which key names hold secrets: {@code password}, {@code service_password}, {@code maas-api-key},
 * {@code pacemaker_key}, {@code sslKey}, … but not {@code keystone-host} or {@code monkey-business}.
 * A name is secret when it contains a word that always means a secret, or when one of its parts
 * (split at {@code - _ .} and camel case) is a word that does.
 */
final class SecretKeyNames {
    /** Secret wherever they appear in a name. */
    private static final List<String> ALWAYS_SECRET = List.of("password", "passwd", "passphrase", "secret",
            "token", "credential", "authkey", "apikey", "privatekey", "privkey", "sshkey");
    /** Secret as a whole part of a name ({@code ssl_key}, {@code db-pass}), not inside a word ({@code keystone}). */
    private static final Set<String> SECRET_PARTS = Set.of("key", "keys", "psk", "pass", "pwd", "pw");
    /** Names whose secret is a password rather than a key or credential set. */
    private static final List<String> PASSWORD_LIKE = List.of("password", "passwd", "passphrase", "secret",
            "token", "authkey");

    private SecretKeyNames() {
    }

    static boolean isSecret(CharSequence name) {
        String lower = name.toString().toLowerCase(Locale.ROOT);
        String squeezed = lower.replace("-", "").replace("_", "");
        for (String word : ALWAYS_SECRET) {
            if (squeezed.contains(word)) {
                return true;
            }
        }
        int partStart = 0;
        for (int i = 1; i <= name.length(); i++) {
            if (i == name.length() || isPartBoundary(name, i)) {
                String part = name.subSequence(partStart, i).toString().toLowerCase(Locale.ROOT);
                if (SECRET_PARTS.contains(part)) {
                    return true;
                }
                partStart = i < name.length() && isSeparator(name.charAt(i)) ? i + 1 : i;
            }
        }
        return false;
    }

    /** True for names such as {@code service_password} whose value is one opaque secret, not a name set. */
    static boolean isPasswordLike(CharSequence name) {
        String squeezed = name.toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
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
