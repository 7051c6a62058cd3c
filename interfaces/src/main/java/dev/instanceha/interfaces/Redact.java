package dev.instanceha.interfaces;

/** How secrets look in toString(): present or not, never their content. */
public final class Redact {
    public static final String MASK = "<redacted>";

    private Redact() {
    }

    public static String secret(String value) {
        return value == null || value.isEmpty() ? "<unset>" : MASK;
    }
}
