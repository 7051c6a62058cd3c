package dev.instanceha.monitors;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.model.StatusException;
import dev.instanceha.ops.render.IniDocument;
import dev.instanceha.ops.resource.Daemon;
import dev.instanceha.ops.resource.DesiredState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the monitors read and the daemons they restart: the shared config (readable by root
 * and the monitors' group only: it holds the keystone password) and keystone's CA restart every
 * monitor; the process list none (re-read every cycle); and for Debian's init scripts
 * /etc/default/&lt;service&gt;, which makes them pass our config file instead of their default
 * /etc/masakari/masakari.conf, restarts its own service. Under systemd the same variable also goes
 * in a drop-in: Debian 13's openstack-pkg-tools scripts read /etc/default only after they have
 * built the daemon's arguments (seen on the model: the instance monitor looped on "Failed to find
 * some config files: /etc/masakari/masakari.conf"), while an environment variable set by systemd
 * is there before.
 */
final class MonitorFiles {
    static final Path DEFAULTS_DIR = Path.of("/etc/default");
    static final FileSpec PUBLIC = FileSpec.root(0644);
    static final Path UNIT_DIR = Path.of("/etc/systemd/system");
    static final String DROP_IN_NAME = "juju-config.conf";

    private MonitorFiles() {}

    static FileSpec configSpec(String group) {
        return new FileSpec("root", group, 0640);
    }

    /** Declares the files and, in {@code services}' order, the daemons with what restarts each. */
    static void declare(
            DesiredState desired, Host host, MonitorsConfFile.Inputs in, String group, List<MonitorService> services) {
        desired.file(MonitorsConfFile.PATH, rendered(in), configSpec(group))
                .file(MonitorsConfFile.KEYSTONE_CA, in.credentials().caCertPem(), PUBLIC);
        if (in.config().runs(Monitor.PROCESS)) {
            desired.file(ProcessList.PATH, ProcessList.render(in.config().processList()), configSpec(group));
        }
        for (MonitorService service : services) {
            List<Path> readBy = new ArrayList<>(List.of(MonitorsConfFile.PATH, MonitorsConfFile.KEYSTONE_CA));
            if (service.monitor().packaged() && host.files().exists(service.initScript())) {
                Path defaults = DEFAULTS_DIR.resolve(service.name());
                desired.file(defaults, defaultsFile(), PUBLIC);
                readBy.add(defaults);
                if (MonitorService.isSystemd(host)) {
                    Path dropIn = dropIn(service.name());
                    desired.directory(dropIn.getParent(), FileSpec.root(0755)).file(dropIn, dropInFile(), PUBLIC);
                    readBy.add(dropIn);
                }
            }
            if (service.monitor() == Monitor.HOST_JAVA) {
                readBy.addAll(JavaHostMonitor.INSTALLED);
            }
            desired.daemon(Daemon.running(service.name(), readBy));
        }
    }

    /** The file's bytes; a value it cannot hold blocks the unit (naming the option) instead of failing the hook. */
    static byte[] rendered(MonitorsConfFile.Inputs in) {
        try {
            return MonitorsConfFile.render(in).bytes();
        } catch (IniDocument.UnrepresentableValueException e) {
            throw new StatusException(
                    Status.blocked(MonitorsConfFile.PATH.getFileName() + " [" + e.section() + "] " + e.key()
                            + ": the value has a line break, which oslo.config cannot hold; fix where it comes from"));
        }
    }

    static Path dropIn(String service) {
        return UNIT_DIR.resolve(service + ".service.d").resolve(DROP_IN_NAME);
    }

    private static String dropInFile() {
        return "# Managed by Juju (masakari-monitors charm): the config file the init script passes.\n"
                + "[Service]\nEnvironment=CONFIG_FILE=" + MonitorsConfFile.PATH + "\n";
    }

    private static String defaultsFile() {
        return "# Managed by Juju (masakari-monitors charm): read by the init script.\n" + "CONFIG_FILE="
                + MonitorsConfFile.PATH + "\n";
    }
}
