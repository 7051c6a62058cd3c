package dev.instanceha.stonith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command-line form of the same parameters ({@code -o off -n host --url ...}), parsed by a
 * picocli spec built from {@link Params#ALL}. The API key has no option on purpose: anything on
 * argv is visible to every user through ps and /proc.
 */
public final class ArgvParameters {
    private static final Pattern KEY_ON_ARGV = Pattern.compile("^-{1,2}api[-_]?key(=.*)?$");

    private ArgvParameters() {}

    /** Thrown for a bad command line; the message never repeats option values. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static Map<String, String> parse(String[] args) throws UsageException {
        for (String arg : args) {
            if (KEY_ON_ARGV.matcher(arg).matches()) {
                throw new UsageException("the API key is not accepted on the command line (it would be visible "
                        + "in the process list); pass api_key=... on stdin, set " + Params.API_KEY_ENV
                        + ", or use --api-key-file");
            }
        }
        CommandLine commandLine = new CommandLine(spec());
        ParseResult result;
        try {
            result = commandLine.parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            List<String> names =
                    e.getUnmatched().stream().map(ArgvParameters::nameOnly).toList();
            throw new UsageException("unknown option(s): " + String.join(" ", names));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException("bad command line: " + e.getMessage().replaceAll("'[^']*'", "'…'"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Param param : Params.ALL) {
            if (!param.argvAllowed() || !result.hasMatchedOption(param.options()[0])) {
                continue;
            }
            if (param.flag()) {
                params.put(param.name(), "1");
            } else {
                params.put(param.name(), result.matchedOptionValue(param.options()[0], ""));
            }
        }
        return params;
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("fence_maas");
        for (Param param : Params.ALL) {
            if (!param.argvAllowed()) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder(param.options()).description(param.description());
            if (param.flag()) {
                option.type(boolean.class).arity("0");
            } else {
                option.type(String.class).arity("1").paramLabel(param.name().toUpperCase(java.util.Locale.ROOT));
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    private static String nameOnly(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("-") ? (eq < 0 ? arg : arg.substring(0, eq)) : "(positional argument)";
    }
}
