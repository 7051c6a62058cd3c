package dev.instanceha.interfaces;

import java.util.regex.Pattern;

/** Host and port syntax checks, and URL-safe host spelling. */
public final class Net {
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    // Underscores appear in some MAAS/LXD names; labels are otherwise RFC 1123.
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private Net() {}

    public static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    public static boolean isIpv6(String s) {
        if (!s.contains(":") || !IPV6.matcher(s).matches()) {
            return false;
        }
        String addr = s.contains("%") ? s.substring(0, s.indexOf('%')) : s;
        int doubleColon = addr.indexOf("::");
        if (doubleColon >= 0 && addr.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = addr.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.length() > 4 || g.contains(".")) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }

    public static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /** A DNS name (ASCII; IDNs arrive punycoded) or an IP literal. */
    public static boolean isHost(String s) {
        if (s == null || s.isEmpty() || s.length() > 253) {
            return false;
        }
        if (isIp(s)) {
            return true;
        }
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty()) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // RFC 1123 §2.1: a top-level label is never all digits, so "10.0.0.300" is a bad address, not a name.
        return !labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The host as it must appear in a URL authority: IPv6 literals in brackets. */
    public static String urlHost(String host) {
        return isIpv6(host) ? "[" + host + "]" : host;
    }

    /**
     * RFC 3986 percent-encoding of everything but unreserved characters, for user names, passwords
     * and vhosts inside URLs (oslo.messaging and SQLAlchemy decode it; a raw '@' or '/' would not parse).
     */
    public static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** 1..65535 from plain decimal digits, else null. */
    public static Integer parsePort(String s) {
        if (s == null || s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int p = Integer.parseInt(s);
        return p >= 1 && p <= 65535 ? p : null;
    }
}
