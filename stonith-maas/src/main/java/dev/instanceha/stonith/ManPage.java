package dev.instanceha.stonith;

import java.util.List;

/**
 * The manual page in man(7) format ({@code fence_maas -o manpage | man -l -}), generated from the
 * same parameter list as the metadata, so the two never disagree.
 */
final class ManPage {
    private ManPage() {}

    static String troff() {
        StringBuilder man = new StringBuilder();
        man.append(".TH FENCE_MAAS 8 \"\" \"fence_maas ")
                .append(escape(AgentVersion.get()))
                .append("\" \"Fence agents\"\n");
        man.append(".SH NAME\nfence_maas \\- fence agent for MAAS (Canonical Metal as a Service)\n");
        man.append(".SH SYNOPSIS\n.B fence_maas\n[\\fIOPTIONS\\fR]\n.br\n.B fence_maas\n< \\fIname=value lines\\fR\n");
        man.append(".SH DESCRIPTION\n").append(escape(Metadata.LONGDESC)).append('\n');
        man.append(".PP\nWithout options the agent reads one name=value per line from stdin, the way pacemaker-fenced "
                + "runs it; names are the parameter names below.\n");
        man.append(".SH PARAMETERS\n");
        for (Param param : Params.ALL) {
            man.append(".TP\n.B ")
                    .append(escape(param.argvAllowed() ? Usage.optionSyntax(param) : param.getopt()))
                    .append('\n');
            man.append(escape(param.description()));
            if (param.defaultValue() != null) {
                man.append(" (Default Value: ")
                        .append(escape(param.defaultValue()))
                        .append(')');
            }
            man.append("\n.br\nstdin name: ").append(escape(param.name()));
            if (param.deprecated()) {
                man.append(" (deprecated)");
            }
            man.append('\n');
        }
        man.append(".SH ACTIONS\n");
        for (List<String> action : ACTIONS) {
            man.append(".TP\n.B ")
                    .append(action.get(0))
                    .append('\n')
                    .append(escape(action.get(1)))
                    .append('\n');
        }
        man.append(".SH EXIT STATUS\n0 on success; 1 on failure and on invalid parameters (validate-all included); "
                + "status exits 0 for on and 2 for off.\n");
        man.append(".SH SEE ALSO\nstonith_admin(8), pacemaker-fenced(7)\n");
        return man.toString();
    }

    private static final List<List<String>> ACTIONS = List.of(
            List.of("on", "Power on the machine and wait until MAAS reports it on (retry_on)."),
            List.of(
                    "off",
                    "Power off the machine; success only once MAAS's query_power_state reports off "
                            + "within power_timeout."),
            List.of("reboot", "Off as above, then on; the result is that of the off half."),
            List.of("status", "Ask MAAS for the machine's power state: exit 0 for on, 2 for off, 1 for anything else."),
            List.of("monitor", "Check that MAAS answers and accepts the API key."),
            List.of("list", "Print fqdn,hostname for every MAAS machine (and node,hostname for hostname_map)."),
            List.of("list-status", "The same with MAAS's cached power state."),
            List.of("metadata", "Print the agent's metadata XML (also: meta-data)."),
            List.of("manpage", "Print this manual page."),
            List.of("validate-all", "Check the parameters without contacting MAAS."));

    private static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        // A line starting with '.' or '\'' would be read as a request.
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
