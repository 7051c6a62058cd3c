package dev.instanceha.ops.host;

import java.util.List;

/** The unit's package manager (apt on Ubuntu and Debian). */
public interface Packages {
    /** Installs those not yet installed; returns the ones it installed (empty when none were missing). */
    List<String> install(List<String> names);

    /** Removes those installed; returns the ones it removed. */
    List<String> remove(List<String> names);

    boolean isInstalled(String name);

    /** The installed version, e.g. {@code 14.0.2-0+deb12u1}, if the package is installed. */
    java.util.Optional<String> version(String name);
}
