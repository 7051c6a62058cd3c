package dev.instanceha.ops.resource;

import java.util.List;
import java.util.Optional;

/**
 * Packages a charm needs, installed once and then remembered in unit state under the set's name,
 * so update-status and later hooks run no dpkg until the {@code marker} changes (another package
 * list, another origin) or upgrade-charm makes every set be checked again.
 *
 * @param name names the set in unit state, e.g. {@code masakari}
 * @param marker what was installed (the package list by default, or the origin it came from)
 * @param conflict a package whose presence means the set must not be installed, with the blocked message
 */
public record PackageSet(String name, String marker, List<String> packages, Optional<Conflict> conflict) {
    /** The unit-state key prefix; upgrade-charm forgets every key under it. */
    public static final String STATE_PREFIX = "packages/";

    public PackageSet {
        packages = List.copyOf(packages);
    }

    public static PackageSet of(String name, List<String> packages) {
        return new PackageSet(name, String.join(" ", packages), packages, Optional.empty());
    }

    public PackageSet markedBy(String newMarker) {
        return new PackageSet(name, newMarker, packages, conflict);
    }

    /** Refuses to install (blocked with {@code message}) while {@code installed} is on the machine. */
    public PackageSet conflictingWith(String installed, String message) {
        return new PackageSet(name, marker, packages, Optional.of(new Conflict(installed, message)));
    }

    public String stateKey() {
        return STATE_PREFIX + name;
    }

    public record Conflict(String installedPackage, String message) {}
}
