package dev.instanceha.masakari;

import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Adds the apt source openstack-origin names (nothing for distro). */
final class PackageSources {
    static final Path DEB_LINE_FILE = Path.of("/etc/apt/sources.list.d/masakari-origin.list");

    private PackageSources() {}

    static void apply(Host host, PackageOrigin origin) {
        switch (origin.kind()) {
            case DISTRO -> host.files().delete(DEB_LINE_FILE);
            // add-apt-repository knows the Cloud Archive's location and keyring on Ubuntu.
            case CLOUD_ARCHIVE ->
                host.commands()
                        .check(Command.of(
                                "add-apt-repository",
                                "--yes",
                                "cloud-archive:" + origin.release().orElseThrow()));
            case PPA -> host.commands().check(Command.of("add-apt-repository", "--yes", origin.value()));
            case DEB_LINE -> {
                String line = origin.value().contains("|")
                        ? origin.value().substring(0, origin.value().indexOf('|'))
                        : origin.value();
                host.files()
                        .write(
                                DEB_LINE_FILE,
                                (line.strip() + "\n").getBytes(StandardCharsets.UTF_8),
                                FileSpec.root(0644));
            }
            default -> throw new IllegalStateException("unknown origin kind " + origin.kind());
        }
    }
}
