package dev.instanceha.masakari;

import dev.instanceha.ops.model.ConfigException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * openstack-origin: where Masakari's packages come from. "distro" uses the machine's own archive;
 * "cloud:jammy-caracal" the Ubuntu Cloud Archive pocket; "deb …|KEYID" a repository line.
 */
public record PackageOrigin(Kind kind, String value, Optional<String> release) {
    public enum Kind {
        DISTRO,
        CLOUD_ARCHIVE,
        DEB_LINE,
        PPA
    }

    private static final Pattern CLOUD =
            Pattern.compile("cloud:([a-z]{2,20})-([a-z]{2,20})(/(updates|proposed|staging))?");

    private static final Pattern KEY_ID = Pattern.compile("(0x)?[0-9A-Fa-f]{8,40}");
    private static final Pattern DEB_LINE =
            Pattern.compile("deb\\s+(\\[[^\\]]*\\]\\s+)?(\\S+)\\s+(\\S+)(\\s+\\S+)*\\s*");

    public static PackageOrigin parse(String text) {
        String origin = text.strip();
        if (origin.equals("distro") || origin.isEmpty()) {
            return new PackageOrigin(Kind.DISTRO, "distro", Optional.empty());
        }
        Matcher cloud = CLOUD.matcher(origin);
        if (cloud.matches()) {
            return new PackageOrigin(Kind.CLOUD_ARCHIVE, origin, Optional.of(cloud.group(2)));
        }
        if (origin.startsWith("deb ") && origin.chars().noneMatch(Character::isISOControl) && origin.length() <= 1024) {
            checkDebLine(origin);
            return new PackageOrigin(Kind.DEB_LINE, origin, Optional.empty());
        }
        if (origin.length() <= 200 && origin.matches("ppa:[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            return new PackageOrigin(Kind.PPA, origin, Optional.empty());
        }
        if (origin.matches("[a-z]{2,20}")) {
            // A bare release name (e.g. "caracal", the upstream default) means that release's pocket.
            return new PackageOrigin(Kind.CLOUD_ARCHIVE, origin, Optional.of(origin));
        }
        throw new ConfigException(
                "openstack-origin",
                "must be distro, cloud:<series>-<release>, a release name, ppa:<owner>/<name> or 'deb <line>', not "
                        + dev.instanceha.ops.log.Shown.value(origin));
    }

    /**
     * {@code deb [options] URI suite [components]} with an optional {@code |KEY} (a key id or an
     * armoured key). Checked here so that a typo blocks naming the option instead of breaking apt.
     */
    private static void checkDebLine(String origin) {
        int bar = origin.indexOf('|');
        String line = bar < 0 ? origin : origin.substring(0, bar);
        if (bar >= 0) {
            String key = origin.substring(bar + 1).strip();
            if (!KEY_ID.matcher(key).matches() && !key.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
                throw new ConfigException("openstack-origin", "has '|' but no key id or armoured key after it");
            }
        }
        Matcher m = DEB_LINE.matcher(line);
        if (!m.matches()) {
            throw new ConfigException("openstack-origin", "must be 'deb URI SUITE [COMPONENTS]' (optionally '|KEY')");
        }
        String uri = m.group(2);
        try {
            java.net.URI parsed = new java.net.URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme();
            boolean remote = scheme.equals("http") || scheme.equals("https");
            boolean local = scheme.equals("file") || scheme.equals("cdrom");
            String host = parsed.getHost() == null ? "" : parsed.getHost().replaceAll("^\\[|\\]$", "");
            if (!(local
                    || (remote
                            && (dev.instanceha.interfaces.Net.isIp(host)
                                    || dev.instanceha.interfaces.Net.isHost(host))))) {
                throw new ConfigException(
                        "openstack-origin",
                        "repository URI " + dev.instanceha.ops.log.Shown.value(uri)
                                + " must be http(s):// with a valid host, or file:");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(
                    "openstack-origin", "repository URI " + dev.instanceha.ops.log.Shown.value(uri) + " is not a URI");
        }
    }
}
