package dev.instanceha.ops.resource;

import dev.instanceha.ops.hooktools.HookTools;
import dev.instanceha.ops.host.Command;
import dev.instanceha.ops.host.CommandFailedException;
import dev.instanceha.ops.host.FileSystem;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.host.InstalledService;
import dev.instanceha.ops.host.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the unit to a {@link DesiredState}. One change rule for every file: it changed when its
 * bytes differ from what was there (or it appeared or vanished); a drifted owner or mode is repaired
 * but restarts nothing, since no daemon reads differently because of it. A daemon restarts only for
 * a change it reads, otherwise it is only started when it is not running, and enabled whenever it
 * is (re)started: a second hook with the same declaration runs no state-changing command at all.
 * Daemons declared stopped are stopped first; a changed systemd unit or drop-in is followed by
 * one {@code systemctl daemon-reload} before any daemon starts.
 * A daemon bound to another is stopped before that one restarts and started after it.
 */
public final class ResourceApplier {
    public static final Command DAEMON_RELOAD = Command.of("systemctl", "daemon-reload");
    private final Host host;
    private final HookTools tools;

    public ResourceApplier(Host host, HookTools tools) {
        this.host = host;
        this.tools = tools;
    }

    public Applied apply(DesiredState desired) {
        List<Daemon> daemons = desired.daemons();
        // Stopped before their files change: a daemon going away must not run on a half-removed
        // install, and systemd cannot disable a unit whose file is already gone.
        for (int i = daemons.size() - 1; i >= 0; i--) {
            if (!daemons.get(i).running()) {
                stop(daemons.get(i).name());
            }
        }
        Set<Path> changed = applyFiles(desired.files());
        reloadSystemdIfUnitsChanged(desired.files(), changed);
        List<String> restarted = new ArrayList<>();
        List<String> started = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> notRunning = new ArrayList<>();
        for (Daemon daemon : daemons) {
            if (daemon.running()) {
                if (daemon.restartsFor(changed)) {
                    stopBoundTo(daemon.name(), daemons);
                }
                run(daemon, changed, restarted, started, failed, notRunning);
            }
        }
        desired.ports().ifPresent(this::applyPorts);
        return new Applied(changed, restarted, started, failed, notRunning);
    }

    /** Stops the running daemons bound to {@code name} before it restarts (not disabled: they start again). */
    private void stopBoundTo(String name, List<Daemon> daemons) {
        Services services = host.services();
        for (Daemon bound : daemons) {
            if (bound.running()
                    && bound.boundTo().filter(name::equals).isPresent()
                    && services.isRunning(bound.name())) {
                services.stop(bound.name());
            }
        }
    }

    private Set<Path> applyFiles(List<FileResource> files) {
        FileSystem fs = host.files();
        Set<Path> changed = new LinkedHashSet<>();
        for (FileResource file : files) {
            boolean contentChanged = switch (file.kind()) {
                case DIRECTORY -> {
                    boolean existed = fs.exists(file.path());
                    fs.ensureDirectory(file.path(), file.spec());
                    yield !existed;
                }
                case ABSENT -> fs.delete(file.path());
                case FILE -> {
                    Optional<byte[]> before = fs.read(file.path());
                    fs.write(file.path(), file.content(), file.spec());
                    yield before.map(old -> !Arrays.equals(old, file.content())).orElse(true);
                }
            };
            if (contentChanged) {
                changed.add(file.path());
            }
        }
        return changed;
    }

    /**
     * systemd reads unit files and their drop-ins ({@code x.service.d/*.conf}) only on daemon-reload:
     * one reload after any of them changed, before a daemon is (re)started with it.
     */
    private void reloadSystemdIfUnitsChanged(List<FileResource> files, Set<Path> changed) {
        boolean unitChanged = files.stream()
                .filter(file -> file.kind() != FileResource.Kind.DIRECTORY)
                .map(FileResource::path)
                .filter(changed::contains)
                .anyMatch(ResourceApplier::isSystemdUnitFile);
        if (unitChanged && InstalledService.isSystemd(host)) {
            host.commands().check(DAEMON_RELOAD);
        }
    }

    static boolean isSystemdUnitFile(Path path) {
        Path dir = path.getParent();
        if (dir == null) {
            return false;
        }
        boolean dropIn =
                dir.getFileName() != null && dir.getFileName().toString().endsWith(".d");
        return InstalledService.UNIT_DIRS.contains(dropIn ? dir.getParent() : dir);
    }

    private void run(
            Daemon daemon,
            Set<Path> changed,
            List<String> restarted,
            List<String> started,
            Map<String, String> failed,
            List<String> notRunning) {

        Services services = host.services();
        String name = daemon.name();
        try {
            boolean baseRestarted = daemon.boundTo().filter(restarted::contains).isPresent();
            if (baseRestarted && !services.isRunning(name)) {
                // Down while the daemon it runs on restarted: starting it now is its restart.
                services.start(name);
                services.enable(name);
                restarted.add(name);
            } else if (daemon.restartsFor(changed)) {
                services.restart(name);
                services.enable(name);
                restarted.add(name);
            } else if (!services.isRunning(name)) {
                services.start(name);
                services.enable(name);
                started.add(name);
            }
        } catch (CommandFailedException e) {
            failed.put(name, e.getMessage());
        }
        if (failed.containsKey(name) || !services.isRunning(name)) {
            notRunning.add(name);
        }
    }

    private void stop(String name) {
        Services services = host.services();
        if (services.isRunning(name)) {
            services.stop(name);
            services.disable(name);
        }
    }

    private void applyPorts(Set<String> wanted) {
        Set<String> open = new LinkedHashSet<>(tools.openedPorts());
        for (String port : open) {
            if (!wanted.contains(port)) {
                tools.closePort(port);
            }
        }
        for (String port : wanted) {
            if (!open.contains(port)) {
                tools.openPort(port);
            }
        }
    }
}
