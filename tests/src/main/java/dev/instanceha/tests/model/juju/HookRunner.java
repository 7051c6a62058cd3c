package dev.instanceha.tests.model.juju;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one hook of one unit: a packed charm's {@code dispatch} inside the unit's machine with the
 * JUJU_* environment Juju 3.6 sets, its hook tools answered by the session; a stand-in in-process.
 * Returns whether the hook succeeded; every output line goes to the unit's log.
 */
final class HookRunner {
    static final String JUJU_VERSION = "3.6.4";
    private final Path lxcPath;
    private final Duration timeout;

    HookRunner(Path lxcPath, Duration timeout) {
        this.lxcPath = lxcPath;
        this.timeout = timeout;
    }

    boolean run(HookSession s, UnitLog log) {
        Unit unit = s.unit;
        if (unit.app.standIn != null) {
            try {
                unit.app.standIn.handle(s);
                return true;
            } catch (Exception | AssertionError e) { // a stand-in's failure is its hook's, never the worker's
                log.line("ERROR stand-in " + unit.app.name + " failed in " + s.event.hook() + ": " + e);
                return false;
            }
        }
        List<String> cmd = new ArrayList<>(
                List.of("lxc-attach", "-P", lxcPath.toString(), "-n", unit.machine.lxc.name(), "--clear-env"));
        environment(s).forEach((k, v) -> {
            cmd.add("--set-var");
            cmd.add(k + "=" + v);
        });
        cmd.addAll(List.of("--", "/bin/sh", "-c", "cd \"$JUJU_CHARM_DIR\" && exec ./dispatch"));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader r =
                                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = r.readLine()) != null) {
                                log.line(line);
                            }
                        } catch (IOException ignored) {
                            // the process is gone
                        }
                    },
                    "hook-output-" + unit.name);
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.line("ERROR hook " + s.event.hook() + " did not finish in " + timeout.toMinutes() + " min: killed");
                return false;
            }
            reader.join(2000);
            if (p.exitValue() != 0) {
                log.line("ERROR hook " + s.event.describe() + " exited " + p.exitValue());
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            log.line("ERROR cannot run lxc-attach: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The environment Juju's uniter gives a hook (and an action). */
    static Map<String, String> environment(HookSession s) {
        Unit unit = s.unit;
        HookEvent e = s.event;
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "PATH",
                "/var/lib/juju/tools/" + unit.tag() + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("JUJU_CONTEXT_ID", s.contextId);
        env.put("JUJU_UNIT_NAME", unit.name);
        env.put("JUJU_CHARM_DIR", unit.charmDir());
        env.put("CHARM_DIR", unit.charmDir());
        env.put("JUJU_MODEL_NAME", s.model.name);
        env.put("JUJU_MODEL_UUID", s.model.uuid);
        env.put("JUJU_MACHINE_ID", unit.machine.id);
        env.put("JUJU_VERSION", JUJU_VERSION);
        env.put("JUJU_AVAILABILITY_ZONE", "");
        env.put("JUJU_AGENT_SOCKET_ADDRESS", "/var/lib/juju/model/jujuc.sock");
        env.put("JUJU_AGENT_SOCKET_NETWORK", "unix");
        env.put("JUJU_CHARM_HTTP_PROXY", "");
        env.put("JUJU_CHARM_HTTPS_PROXY", "");
        env.put("JUJU_CHARM_NO_PROXY", "");
        if (unit.principal != null) {
            env.put("JUJU_PRINCIPAL_UNIT", unit.principal.name);
        }
        if (e.action() != null) {
            env.put("JUJU_DISPATCH_PATH", "actions/" + e.action().name());
            env.put("JUJU_ACTION_NAME", e.action().name());
            env.put("JUJU_ACTION_UUID", String.valueOf(e.action().id()));
            env.put("JUJU_ACTION_TAG", "action-" + e.action().id());
        } else {
            env.put("JUJU_DISPATCH_PATH", "hooks/" + e.hook());
            env.put("JUJU_HOOK_NAME", e.hook());
        }
        if (e.relation() != null) {
            env.put("JUJU_RELATION", e.relation().endpointOf(unit.app));
            env.put("JUJU_RELATION_ID", e.relation().ref(unit.app));
            env.put(
                    "JUJU_REMOTE_APP",
                    e.remoteApp() != null ? e.remoteApp() : e.relation().remoteApp(unit.app).name);
            if (e.remoteUnit() != null) {
                env.put("JUJU_REMOTE_UNIT", e.remoteUnit());
            }
            if (e.departingUnit() != null) {
                env.put("JUJU_DEPARTING_UNIT", e.departingUnit());
            }
        }
        return env;
    }
}
