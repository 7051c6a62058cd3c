package dev.instanceha.ops.log;

/**
 * Masks the password in URLs such as {@code rabbit://user:pw@host:5672,user:pw@host2:5672/vhost}
 * (every host of a multi-host transport URL). One forward pass: each character is looked at a
 * bounded number of times, whatever the input.
 */
final class UrlCredentials {
    private UrlCredentials() {}

    static String mask(String text, String mask) {
        int marker = text.indexOf("://");
        if (marker < 0) {
            return text;
        }
        Scan scan = new Scan(text);
        StringBuilder out = null;
        int copied = 0;
        while (marker >= 0) {
            int next = marker + 3;
            if (hasScheme(text, marker)) {
                int at = next;
                while (true) {
                    int[] password = scan.userPassword(at);
                    if (password == null) {
                        break;
                    }
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    out.append(text, copied, password[0]).append(mask);
                    copied = password[1];
                    at = scan.nextHostEntry(password[1] + 1);
                    next = password[1] + 1;
                    if (at < 0) {
                        break;
                    }
                }
            }
            marker = text.indexOf("://", Math.max(next, marker + 3));
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** A scheme ({@code [a-z][a-z0-9+.-]*}) ends right before {@code ://}. */
    private static boolean hasScheme(String text, int marker) {
        for (int i = marker - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                return true;
            }
            if (!(Character.isDigit(c) || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Positions memoised across calls so that repeated look-ahead stays linear. */
    private static final class Scan {
        private final String text;
        private int atOrSpaceFrom = -1;
        private int atOrSpace = -1;

        Scan(String text) {
            this.text = text;
        }

        /** {@code user:password@} starting at {@code from}: the password's [start, end), or null. */
        int[] userPassword(int from) {
            int i = from;
            while (i < text.length() && !isUserStop(text.charAt(i))) {
                i++;
            }
            if (i == from || i >= text.length() || text.charAt(i) != ':') {
                return null;
            }
            int start = i + 1;
            int end = firstAtOrSpace(start);
            if (end <= start || end >= text.length() || text.charAt(end) != '@') {
                return null;
            }
            return new int[] {start, end};
        }

        /** After a host, the start of the next comma-separated {@code user:password@host}, or -1. */
        int nextHostEntry(int hostStart) {
            int i = hostStart;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == ',') {
                    return i + 1;
                }
                if (c == '/' || c == '@' || Character.isWhitespace(c)) {
                    return -1;
                }
                i++;
            }
            return -1;
        }

        private boolean isUserStop(char c) {
            return c == ':' || c == '/' || c == '@' || Character.isWhitespace(c);
        }

        /** The first '@' or whitespace at or after {@code from} (text length if none). */
        private int firstAtOrSpace(int from) {
            if (from >= atOrSpaceFrom && from <= atOrSpace) {
                return atOrSpace;
            }
            int i = from;
            while (i < text.length() && text.charAt(i) != '@' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            atOrSpaceFrom = from;
            atOrSpace = i;
            return i;
        }
    }
}
