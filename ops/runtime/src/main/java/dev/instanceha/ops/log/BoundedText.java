package dev.instanceha.ops.log;

/**
 * Shapes already-redacted text for where an operator reads it: a status line is one line of
 * bounded length, a log line is one line with line breaks shown as {@code \n}; in both, a long
 * value (a pasted certificate, a 100 KB option) is cut to its start and its length, e.g.
 * {@code 'MIIFazCCA1OgAwIBAgIUb…' (4096 chars)}. Always cut after redaction: a secret cut in
 * two would no longer be recognised.
 */
public final class BoundedText {
    /** Longest word (run without spaces) a status line shows whole. */
    static final int STATUS_WORD = 64;

    static final int STATUS_TOTAL = 480;
    static final int LOG_WORD = 512;
    static final int LOG_TOTAL = 8_000;
    static final int DEBUG_TOTAL = 64_000;
    private static final int KEPT_OF_A_LONG_WORD = 40;

    private BoundedText() {}

    /** One line for {@code status-set}, {@code action-fail} and {@code action-log}. */
    public static String statusLine(String text) {
        return capTotal(capWords(oneLine(text, " "), STATUS_WORD), STATUS_TOTAL);
    }

    /** One {@code juju-log} line: line breaks shown as {@code \n} so one message cannot fake others. */
    public static String logLine(String text) {
        return capTotal(capWords(oneLine(text, "\\n"), LOG_WORD), LOG_TOTAL);
    }

    /** DEBUG text keeps its lines (a stack trace) but is still bounded. */
    public static String debugText(String text) {
        return capTotal(capWords(text, LOG_WORD), DEBUG_TOTAL);
    }

    /** Replaces line breaks ({@code \r\n}, {@code \n}, {@code \r}, U+0085/2028/2029) and other controls. */
    static String oneLine(String text, String lineBreak) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean isBreak = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            boolean isControl = !isBreak && (c < 0x20 || c == 0x7f);
            if (!isBreak && !isControl) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            out.append(isBreak ? lineBreak : " ");
        }
        return out == null ? text : out.toString();
    }

    /** Cuts each run of non-space characters longer than {@code max} to its start and its length. */
    static String capWords(String text, int max) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i - start > max) {
                if (out == null) {
                    out = new StringBuilder(Math.min(n, 4096));
                }
                int keep = safeEnd(text, start + KEPT_OF_A_LONG_WORD);
                out.append(text, copied, keep).append("… (").append(i - start).append(" chars)");
                copied = i;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    static String capTotal(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String suffix = "… (" + text.length() + " chars)";
        return text.substring(0, safeEnd(text, max - suffix.length())) + suffix;
    }

    /** Never cuts between the two halves of a surrogate pair. */
    private static int safeEnd(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }
}
