package dev.instanceha.hacluster;

import dev.instanceha.hacluster.corosync.CorosyncConf;
import dev.instanceha.hacluster.corosync.CorosyncSettings;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.host.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The files corosync and pacemaker read at start: corosync.conf, corosync's authkey (root only),
 * the uidgid grant that lets pacemaker talk to corosync, and pacemaker's authkey (hacluster:haclient
 * 0440, the remote connections' shared secret).
 */
final class ClusterFiles {
    static final Path COROSYNC_CONF = Path.of("/etc/corosync/corosync.conf");
    static final Path COROSYNC_AUTHKEY = Path.of("/etc/corosync/authkey");
    static final Path UIDGID = Path.of("/etc/corosync/uidgid.d/hacluster");
    static final Path PACEMAKER_AUTHKEY = Path.of("/etc/pacemaker/authkey");
    static final FileSpec CONF_SPEC = FileSpec.root(0644);
    static final FileSpec COROSYNC_KEY_SPEC = FileSpec.root(0400);
    static final FileSpec PACEMAKER_KEY_SPEC = new FileSpec("hacluster", "haclient", 0440);
    static final String UIDGID_TEXT = "uidgid {\n    uid: hacluster\n    gid: haclient\n}\n";

    /** Which daemons must restart because what they read at start changed. */
    record Changes(boolean corosync, boolean pacemaker) {
    }

    private ClusterFiles() {
    }

    static Changes apply(Host host, CorosyncSettings settings, ClusterKeys keys) {
        host.files().ensureDirectory(PACEMAKER_AUTHKEY.getParent(), new FileSpec("root", "haclient", 0750));
        boolean corosync = host.files().writeReportingContentChange(COROSYNC_CONF, CorosyncConf.render(settings).getBytes(StandardCharsets.UTF_8), CONF_SPEC);
        corosync |= host.files().writeReportingContentChange(COROSYNC_AUTHKEY, keys.corosyncBytes(), COROSYNC_KEY_SPEC);
        corosync |= host.files().writeReportingContentChange(UIDGID, UIDGID_TEXT.getBytes(StandardCharsets.UTF_8), CONF_SPEC);
        boolean pacemaker = host.files().writeReportingContentChange(PACEMAKER_AUTHKEY, keys.pacemaker().bytes(), PACEMAKER_KEY_SPEC);
        return new Changes(corosync, pacemaker);
    }

    /** The port in the corosync.conf this charm wrote; empty when there is none. */
    static java.util.Optional<Integer> currentPort(Host host) {
        if (!ours(host)) {
            return java.util.Optional.empty();
        }
        String text = new String(host.files().read(COROSYNC_CONF).orElseThrow(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*mcastport:\\s*(\\d{1,5})\\s*$").matcher(text);
        return m.find() ? java.util.Optional.ofNullable(dev.instanceha.interfaces.Net.parsePort(m.group(1)))
                : java.util.Optional.empty();
    }

    /** Whether corosync.conf on disk is one this charm wrote (and not the package's single-node default). */
    static boolean ours(Host host) {
        return host.files().read(COROSYNC_CONF).map(b -> new String(b, StandardCharsets.UTF_8))
                .filter(text -> text.startsWith(CorosyncConf.HEADER)).isPresent();
    }
}
