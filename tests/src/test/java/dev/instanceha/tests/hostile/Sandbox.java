package dev.instanceha.tests.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The throwaway machines the corpus runs in (tests/hostile/sandbox does the namespaces and the
 * overlay). Per charm, one lower layer laid over the machine's root: the shims on PATH, a
 * {@code /run/systemd/system} marker (so the charm drives "systemd", i.e. the systemctl shim),
 * /etc/hosts naming the machine, the packages dpkg reports, an empty CIB and the charm's machine
 * files. Overlayfs wants its layers off the root filesystem, so they live in a tmpfs (/dev/shm).
 */
public final class Sandbox {
    /** Where each case's unit directory (charm, hook tools and their socket) appears inside. */
    static final String UNIT_DIR = "/var/lib/juju/hostile-unit";
    /** The shims' own records; not the charm's doing, so left out of file comparisons. */
    static final String SHIM_STATE = "/var/lib/hostile-sandbox";

    static final List<String> SHIMMED = List.of(
            "systemctl",
            "apt-get",
            "dpkg-query",
            "add-apt-repository",
            "update-rc.d",
            "invoke-rc.d",
            "service",
            "masakari-manage",
            "crm_node",
            "cibadmin",
            "crm_attribute",
            "crm_mon",
            "crm_resource",
            "crm_verify",
            "a2enmod",
            "a2ensite",
            "a2query");
    private static final String EMPTY_CIB = """
            <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    private final Path script;
    private final Path shim;
    private final Path shmRoot;
    private final Map<String, Path> layers = new LinkedHashMap<>();

    /** @param hostileDir the repository's tests/hostile (sandbox script and shims) */
    public Sandbox(Path hostileDir, Path shmRoot) {
        this.script = hostileDir.resolve("sandbox");
        this.shim = hostileDir.resolve("shims/shim");
        this.shmRoot = shmRoot;
        for (Path p : List.of(script, shim)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing or not executable");
            }
        }
        requireTool("unshare", "util-linux");
        requireTool("chroot", "coreutils");
        requireTool("timeout", "coreutils");
        requireTool("python3", "python3 (the jujuc hook-tool forwarder)");
        requireTool("cibadmin", "pacemaker-cli-utils (pacemaker's own CIB validation)");
    }

    private static void requireTool(String name, String packageName) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return;
            }
        }
        throw new IllegalStateException(name + " not found on PATH: install " + packageName);
    }

    public Path script() {
        return script;
    }

    /** The lower layer for a charm, built once. */
    public synchronized Path layer(CharmProfile charm) {
        return layers.computeIfAbsent(charm.name(), n -> buildLayer(charm));
    }

    private Path buildLayer(CharmProfile charm) {
        Path layer = shmRoot.resolve("layers").resolve(charm.name());
        try {
            Path sbin = Files.createDirectories(layer.resolve("usr/local/sbin"));
            Files.copy(shim, sbin.resolve("hostile-shim"), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(sbin.resolve("hostile-shim"), PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String tool : SHIMMED) {
                Files.createSymbolicLink(sbin.resolve(tool), Path.of("hostile-shim"));
            }
            Files.createDirectories(layer.resolve("run/systemd/system"));
            Files.createDirectories(layer.resolve(UNIT_DIR.substring(1)));
            Path etc = Files.createDirectories(layer.resolve("etc"));
            Files.writeString(
                    etc.resolve("hosts"),
                    "127.0.0.1 localhost\n127.0.1.1 " + charm.fqdn() + " " + charm.hostname()
                            + "\n::1 localhost ip6-localhost\n");
            Files.writeString(etc.resolve("hostname"), charm.hostname() + "\n");
            Path state = Files.createDirectories(layer.resolve(SHIM_STATE.substring(1)));
            Files.createDirectories(state.resolve("services"));
            StringBuilder installed = new StringBuilder();
            charm.installedPackages()
                    .forEach((name, version) ->
                            installed.append(name).append(' ').append(version).append('\n'));
            Files.writeString(state.resolve("installed"), installed);
            Files.writeString(state.resolve("cib.xml"), EMPTY_CIB);
            for (Map.Entry<String, String> f : charm.machineFiles().entrySet()) {
                Path target = layer.resolve(
                        throughSymlinks(Path.of(f.getKey())).toString().substring(1));
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
            return layer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path with the machine's directory symlinks resolved (/lib is /usr/lib on merged-/usr
     * systems): a real directory in the layer would hide the symlink and everything behind it.
     */
    static Path throughSymlinks(Path path) throws IOException {
        Path existing = path.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        return existing.toRealPath().resolve(existing.relativize(path));
    }

    /** The per-case directory (overlay upper, work and mount point). */
    public Path caseLayer(String caseKey) {
        return shmRoot.resolve("cases").resolve(caseKey);
    }

    /** Removes every layer of this run. */
    public void close() {
        delete(shmRoot);
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
