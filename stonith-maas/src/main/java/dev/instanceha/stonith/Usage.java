package dev.instanceha.stonith;

/** The -h/--help text: every command-line option with its meaning, generated from {@link Params#ALL}. */
final class Usage {
    private static final int COLUMN = 34;

    private Usage() {}

    static String text() {
        StringBuilder text = new StringBuilder("Usage:\n\tfence_maas [options]\n\tfence_maas < name=value lines\n");
        text.append("Options:\n");
        for (Param param : Params.ALL) {
            if (!param.argvAllowed() || param.deprecated()) {
                continue;
            }
            String option = optionSyntax(param);
            text.append("   ").append(option);
            text.append(" ".repeat(Math.max(1, COLUMN - 3 - option.length())));
            text.append(param.description());
            if (param.defaultValue() != null) {
                text.append(" (default ").append(param.defaultValue()).append(')');
            }
            text.append('\n');
        }
        text.append("Without options, name=value lines are read from stdin (how pacemaker runs the agent);\n")
                .append("names are the metadata's parameter names (-o metadata). The API key is read from\n")
                .append("api_key on stdin, api_key_file or the ")
                .append(Params.API_KEY_ENV)
                .append(" environment variable, never from the command line.\n");
        return text.toString();
    }

    /** The options with a value placeholder, e.g. {@code -o, --action=[action]}. */
    static String optionSyntax(Param param) {
        String placeholder = "";
        int eq = param.getopt().indexOf('=');
        if (eq >= 0 && !param.flag()) {
            placeholder = param.getopt().substring(eq);
        }
        return String.join(", ", param.options()) + placeholder;
    }
}
