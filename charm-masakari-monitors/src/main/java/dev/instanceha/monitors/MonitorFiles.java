package dev.instanceha.monitors;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.render.IniDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files the monitors read: the shared config (readable by root and the monitors' group only:
 * it holds the keystone password), keystone's CA, the process list, and for Debian's init scripts
 * /etc/default/&lt;service&gt;, which makes them pass our config file instead of their default
 * /etc/masakari/masakari.conf. Under systemd the same variable also goes in a drop-in: Debian 13's
 * openstack-pkg-tools scripts read /etc/default only after they have built the daemon's
 * arguments (seen on the model: the instance monitor looped on "Failed to find some config files:
 * /etc/masakari/masakari.conf"), while an environment variable set by systemd is there before.
 */
final class MonitorFiles {
    static final Path DEFAULTS_DIR = Path.of("/etc/default");
    static final FileSpec PUBLIC = FileSpec.root(0644);
    static final Path UNIT_DIR = Path.of("/etc/systemd/system");
    static final String DROP_IN_NAME = "juju-config.conf";
    static final dev.instanceha.ops.host.Command DAEMON_RELOAD = dev.instanceha.ops.host.Command.of("systemctl", "daemon-reload");

    private MonitorFiles() {
    }

    /** What changed, so only the services that read it are restarted. */
    record Changes(boolean config, Map<String, Boolean> serviceDefaults) {
        boolean restart(MonitorService service) {
            return config || serviceDefaults.getOrDefault(service.name(), false);
        }
    }

    static FileSpec configSpec(String group) {
        return new FileSpec("root", group, 0640);
    }

    static Changes write(Host host, MonitorsConfFile.Inputs in, String group, List<MonitorService> services) {
        boolean config = host.files().write(MonitorsConfFile.PATH, rendered(in), configSpec(group));
        config |= in.credentials().caCertPem()
                .map(pem -> host.files().write(MonitorsConfFile.KEYSTONE_CA, pem.getBytes(StandardCharsets.UTF_8), PUBLIC))
                .orElseGet(() -> host.files().delete(MonitorsConfFile.KEYSTONE_CA));
        if (in.config().runs(Monitor.PROCESS)) {
            // Re-read by the process monitor every cycle: a change needs no restart.
            host.files().write(ProcessList.PATH, ProcessList.render(in.config().processList())
                    .getBytes(StandardCharsets.UTF_8), configSpec(group));
        }
        Map<String, Boolean> defaults = new TreeMap<>();
        boolean reload = false;
        for (MonitorService service : services) {
            if (service.monitor().packaged() && host.files().exists(service.initScript())) {
                boolean changed = host.files().write(DEFAULTS_DIR.resolve(service.name()), defaultsFile(), PUBLIC);
                if (MonitorService.isSystemd(host)) {
                    Path dropIn = dropIn(service.name());
                    host.files().ensureDirectory(dropIn.getParent(), FileSpec.root(0755));
                    boolean unitChanged = host.files().write(dropIn, dropInFile(), PUBLIC);
                    reload |= unitChanged;
                    changed |= unitChanged;
                }
                defaults.put(service.name(), changed);
            }
        }
        if (reload) {
            host.commands().run(DAEMON_RELOAD);
        }
        return new Changes(config, defaults);
    }

    /** The file's bytes; a value it cannot hold blocks the unit (naming the option) instead of failing the hook. */
    static byte[] rendered(MonitorsConfFile.Inputs in) {
        try {
            return MonitorsConfFile.render(in).bytes();
        } catch (IniDocument.UnrepresentableValueException e) {
            throw new StatusException(Status.blocked(MonitorsConfFile.PATH.getFileName() + " [" + e.section() + "] "
                    + e.key() + ": the value has a line break, which oslo.config cannot hold; fix where it comes from"));
        }
    }

    static Path dropIn(String service) {
        return UNIT_DIR.resolve(service + ".service.d").resolve(DROP_IN_NAME);
    }

    private static byte[] dropInFile() {
        return ("# Managed by Juju (masakari-monitors charm): the config file the init script passes.\n"
                + "[Service]\nEnvironment=CONFIG_FILE=" + MonitorsConfFile.PATH + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] defaultsFile() {
        return ("# Managed by Juju (masakari-monitors charm): read by the init script.\n"
                + "CONFIG_FILE=" + MonitorsConfFile.PATH + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
