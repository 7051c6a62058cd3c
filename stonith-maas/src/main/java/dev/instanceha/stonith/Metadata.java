package dev.instanceha.stonith;

import java.util.List;

/**
 * The fence-agents metadata XML (the shape fence-agents' metadata.rng describes), generated from
 * {@link Params#ALL} so the documented parameters are exactly the accepted ones.
 */
public final class Metadata {
    private static final List<String> ACTIONS = List.of(
            "on", "off", "reboot", "status", "list", "list-status", "monitor", "metadata", "manpage", "validate-all");

    static final String LONGDESC = "fence_maas powers machines off and on through the MAAS API (OAuth 1.0 API key). "
            + "A node is reported off only after MAAS's query_power_state confirms it within power_timeout; "
            + "not confirmed in time, an unknown or an error power state is a failure. The API key is read from "
            + "stdin (api_key), api_key_file or the MAAS_API_KEY environment variable, never from the command line.";

    private Metadata() {}

    public static String xml() {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" ?>\n");
        x.append(
                "<resource-agent name=\"fence_maas\" shortdesc=\"Fence agent for MAAS (Canonical Metal as a Service)\">\n");
        x.append("<longdesc>").append(escape(LONGDESC)).append("</longdesc>\n");
        x.append("<vendor-url>https://maas.io</vendor-url>\n");
        x.append("<parameters>\n");
        for (Param p : Params.ALL) {
            x.append("\t<parameter name=\"")
                    .append(escape(p.name()))
                    .append("\" unique=\"0\" required=\"")
                    .append(p.required() ? 1 : 0)
                    .append('"');
            if (p.deprecated()) {
                x.append(" deprecated=\"1\"");
            }
            if (p.obsoletes() != null) {
                x.append(" obsoletes=\"").append(escape(p.obsoletes())).append('"');
            }
            x.append(">\n");
            x.append("\t\t<getopt mixed=\"").append(escape(p.getopt())).append("\" />\n");
            x.append("\t\t<content type=\"").append(p.type()).append('"');
            if (p.defaultValue() != null) {
                x.append(" default=\"").append(escape(p.defaultValue())).append('"');
            }
            x.append(" />\n");
            x.append("\t\t<shortdesc lang=\"en\">")
                    .append(escape(p.description()))
                    .append("</shortdesc>\n");
            x.append("\t</parameter>\n");
        }
        x.append("</parameters>\n<actions>\n");
        for (String action : ACTIONS) {
            x.append("\t<action name=\"")
                    .append(action)
                    .append('"')
                    .append(action.equals("on") ? " automatic=\"0\"" : "")
                    .append(" />\n");
        }
        x.append("</actions>\n</resource-agent>\n");
        return x.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
