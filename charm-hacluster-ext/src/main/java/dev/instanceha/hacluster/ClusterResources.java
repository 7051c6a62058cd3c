package dev.instanceha.hacluster;

import dev.instanceha.hacluster.cib.StonithDevice;
import dev.instanceha.hacluster.corosync.CorosyncConf;
import dev.instanceha.hacluster.corosync.CorosyncSettings;
import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import dev.instanceha.ops.resource.Daemon;
import dev.instanceha.ops.resource.DesiredState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a full member runs: corosync.conf, corosync's authkey (root only), the uidgid grant that lets
 * pacemaker talk to corosync, pacemaker's authkey (hacluster:haclient 0440, the remote connections'
 * shared secret), the MAAS API key for fence_maas (root only; the CIB names only the file), and the
 * two daemons that read them. Pacemaker sits on corosync: a corosync restart is pacemaker stop,
 * corosync restart, pacemaker start (pacemakerd exits when corosync goes away under it).
 */
final class ClusterResources {
    static final String COROSYNC = "corosync";
    static final String PACEMAKER = "pacemaker";
    static final Path COROSYNC_CONF = Path.of("/etc/corosync/corosync.conf");
    static final Path COROSYNC_AUTHKEY = Path.of("/etc/corosync/authkey");
    static final Path UIDGID = Path.of("/etc/corosync/uidgid.d/hacluster");
    static final Path PACEMAKER_AUTHKEY = Path.of("/etc/pacemaker/authkey");
    static final Path MAAS_KEY = Path.of(StonithDevice.API_KEY_FILE);
    static final FileSpec CONF_SPEC = FileSpec.root(0644);
    static final FileSpec COROSYNC_KEY_SPEC = FileSpec.root(0400);
    static final FileSpec PACEMAKER_DIR_SPEC = new FileSpec("root", "haclient", 0750);
    static final FileSpec PACEMAKER_KEY_SPEC = new FileSpec("hacluster", "haclient", 0440);
    static final FileSpec MAAS_KEY_SPEC = FileSpec.root(0600);
    static final String UIDGID_TEXT = "uidgid {\n    uid: hacluster\n    gid: haclient\n}\n";
    private static final Pattern PORT = Pattern.compile("(?m)^\\s*mcastport:\\s*(\\d{1,5})\\s*$");

    private ClusterResources() {}

    /** A member's files and daemons; the MAAS key file only while MAAS is configured. */
    static DesiredState member(CorosyncSettings settings, ClusterKeys keys, Optional<MaasSettings> maas) {
        return new DesiredState()
                .directory(PACEMAKER_AUTHKEY.getParent(), PACEMAKER_DIR_SPEC)
                .file(COROSYNC_CONF, CorosyncConf.render(settings), CONF_SPEC)
                .file(COROSYNC_AUTHKEY, keys.corosyncBytes(), COROSYNC_KEY_SPEC)
                .file(UIDGID, UIDGID_TEXT, CONF_SPEC)
                .file(PACEMAKER_AUTHKEY, keys.pacemakerBytes(), PACEMAKER_KEY_SPEC)
                .file(MAAS_KEY, maas.map(m -> m.apiKey().reveal() + "\n"), MAAS_KEY_SPEC)
                .daemon(Daemon.running(COROSYNC, List.of(COROSYNC_CONF, COROSYNC_AUTHKEY, UIDGID)))
                .daemon(Daemon.running(PACEMAKER, List.of(PACEMAKER_AUTHKEY)).boundTo(COROSYNC));
    }

    /** Both daemons down (pacemaker first), so the remaining members see an orderly leave. */
    static DesiredState stopped() {
        return new DesiredState().daemon(Daemon.stopped(COROSYNC)).daemon(Daemon.stopped(PACEMAKER));
    }

    /** The port in the corosync.conf this charm wrote; empty when there is none. */
    static Optional<Integer> currentPort(Host host) {
        return ourCorosyncConf(host).map(PORT::matcher).filter(Matcher::find).map(m -> Net.parsePort(m.group(1)));
    }

    /** Whether corosync.conf on disk is one this charm wrote (and not the package's single-node default). */
    static boolean ours(Host host) {
        return ourCorosyncConf(host).isPresent();
    }

    private static Optional<String> ourCorosyncConf(Host host) {
        return host.files()
                .read(COROSYNC_CONF)
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .filter(text -> text.startsWith(CorosyncConf.HEADER));
    }
}
