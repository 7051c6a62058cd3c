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
    public enum Kind { DISTRO, CLOUD_ARCHIVE, DEB_LINE, PPA }

    private static final Pattern CLOUD = Pattern.compile("cloud:([a-z]{2,20})-([a-z]{2,20})(/(updates|proposed|staging))?");

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
            return new PackageOrigin(Kind.DEB_LINE, origin, Optional.empty());
        }
        if (origin.length() <= 200 && origin.matches("ppa:[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            return new PackageOrigin(Kind.PPA, origin, Optional.empty());
        }
        if (origin.matches("[a-z]{2,20}")) {
            // A bare release name (e.g. "caracal", the upstream default) means that release's pocket.
            return new PackageOrigin(Kind.CLOUD_ARCHIVE, origin, Optional.of(origin));
        }
        throw new ConfigException("openstack-origin",
                "must be distro, cloud:<series>-<release>, a release name, ppa:<owner>/<name> or 'deb <line>', not "
                        + dev.instanceha.interfaces.Shown.value(origin));
    }
}
