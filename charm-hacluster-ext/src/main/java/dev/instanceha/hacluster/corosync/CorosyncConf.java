package dev.instanceha.hacluster.corosync;

/**
 * Renders /etc/corosync/corosync.conf for corosync 3 from {@link CorosyncSettings}: a pure
 * function, so a real-component test can feed the text to corosync itself.
 */
public final class CorosyncConf {
    public static final String HEADER = "# Managed by Juju (hacluster charm): local changes are overwritten.\n";

    private CorosyncConf() {}

    public static String render(CorosyncSettings s) {
        StringBuilder out = new StringBuilder(HEADER);
        out.append("totem {\n");
        out.append("    version: 2\n");
        out.append("    cluster_name: ").append(s.clusterName()).append('\n');
        out.append("    transport: ").append(s.transport().corosyncName()).append('\n');
        // Upstream's timings: tolerate a 3 s hiccup before declaring a member lost.
        out.append("    token: 3000\n");
        out.append("    join: 60\n");
        out.append("    consensus: 3600\n");
        if (s.transport().encrypts()) {
            out.append("    crypto_cipher: aes256\n");
            out.append("    crypto_hash: sha256\n");
        } else {
            // corosync 3 encrypts only knet; saying so keeps the file honest about it.
            out.append("    crypto_cipher: none\n");
            out.append("    crypto_hash: none\n");
        }
        s.netmtu().ifPresent(mtu -> out.append("    netmtu: ").append(mtu).append('\n'));
        out.append("    interface {\n");
        out.append("        linknumber: 0\n");
        if (s.transport() == Transport.UDP) {
            out.append("        mcastaddr: ").append(s.mcastAddr()).append('\n');
        }
        out.append("        mcastport: ").append(s.mcastPort()).append('\n');
        out.append("    }\n");
        out.append("}\n\n");

        out.append("quorum {\n");
        out.append("    provider: corosync_votequorum\n");
        if (s.nodes().size() == 2) {
            // Two nodes cannot outvote each other: let either keep quorum (fencing decides).
            out.append("    two_node: 1\n");
        }
        out.append("}\n\n");

        out.append("nodelist {\n");
        for (CorosyncNode node : s.nodes()) {
            out.append("    node {\n");
            out.append("        ring0_addr: ").append(node.address()).append('\n');
            out.append("        name: ").append(node.name()).append('\n');
            out.append("        nodeid: ").append(node.nodeId()).append('\n');
            out.append("    }\n");
        }
        out.append("}\n\n");

        String debug = s.debug() ? "on" : "off";
        out.append("logging {\n");
        out.append("    fileline: off\n");
        out.append("    to_stderr: no\n");
        out.append("    to_logfile: no\n");
        out.append("    to_syslog: yes\n");
        out.append("    syslog_facility: daemon\n");
        out.append("    debug: ").append(debug).append('\n');
        out.append("    timestamp: on\n");
        out.append("    logger_subsys {\n");
        out.append("        subsys: QUORUM\n");
        out.append("        debug: ").append(debug).append('\n');
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }
}
