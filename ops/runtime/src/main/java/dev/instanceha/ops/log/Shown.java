package dev.instanceha.ops.log;

/**
 * A value as a status or log line may echo it: quoted, on one line (control characters spelled
 * {@code \n}, {@code \u0000}), at most {@value #MAX} characters with the full length said. A status
 * line is one line that an operator reads; a pasted certificate or a line break must not take it over.
 * Secrets are never echoed: {@link #value(String, Object)} names them instead.
 */
public final class Shown {
    public static final int MAX = 40;

    private Shown() {}

    /** The value of option or parameter {@code key}; a secret key's value is never shown. */
    public static String value(String key, Object value) {
        if (value == null) {
            return "unset";
        }
        return Redactor.isSecretKey(key) ? "the value given" : value(String.valueOf(value));
    }

    public static String value(String text) {
        if (text == null) {
            return "unset";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX; i++, shown++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('\'');
        if (text.length() > MAX) {
            out.insert(out.length() - 1, "…").append(" (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
