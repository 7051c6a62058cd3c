package dev.instanceha.stonith;

import java.util.List;
import java.util.Optional;

/**
 * The agent's parameters: the one list that drives stdin parsing, command-line options, usage,
 * manual page and metadata. Names and options follow fence-agents' conventions where one exists
 * (action, plug/port, nodename, delay, power_timeout, power_wait, login_timeout, shell_timeout,
 * stonith_status_sleep, retry_on, verbose, version, help).
 */
public final class Params {
    public static final String ACTION = "action";
    public static final String PLUG = "plug";
    public static final String PORT = "port";
    public static final String NODENAME = "nodename";
    public static final String URL = "url";
    public static final String API_KEY = "api_key";
    public static final String API_KEY_FILE = "api_key_file";
    public static final String HOSTNAME_MAP = "hostname_map";
    public static final String MATCH_FQDN = "match_fqdn";
    public static final String SSL_CA = "ssl_ca";
    public static final String SSL_INSECURE = "ssl_insecure";
    public static final String DELAY = "delay";
    public static final String POWER_TIMEOUT = "power_timeout";
    public static final String POWER_WAIT = "power_wait";
    public static final String STONITH_STATUS_SLEEP = "stonith_status_sleep";
    public static final String POLL_INTERVAL = "poll_interval";
    public static final String LOGIN_TIMEOUT = "login_timeout";
    public static final String SHELL_TIMEOUT = "shell_timeout";
    public static final String REQUEST_TIMEOUT = "request_timeout";
    public static final String RETRIES = "retries";
    public static final String RETRY_ON = "retry_on";
    public static final String VERBOSE = "verbose";
    public static final String VERSION = "version";
    public static final String HELP = "help";

    /** Environment variable read for the API key when stdin and files do not give one. */
    public static final String API_KEY_ENV = "MAAS_API_KEY";

    public static final List<Param> ALL = List.of(
            new Param(
                    ACTION,
                    new String[] {"-o", "--action"},
                    "-o, --action=[action]",
                    "string",
                    false,
                    "reboot",
                    false,
                    false,
                    null,
                    "Fencing action: on, off, reboot, status, monitor, list, list-status, "
                            + "metadata, manpage, validate-all"),
            new Param(
                    PLUG,
                    new String[] {"-n", "--plug"},
                    "-n, --plug=[id]",
                    "string",
                    false,
                    null,
                    true,
                    false,
                    PORT,
                    "Node to fence: MAAS hostname, FQDN, or a name from hostname_map"),
            new Param(
                    PORT,
                    new String[] {"--port"},
                    "-n, --plug=[id]",
                    "string",
                    false,
                    null,
                    true,
                    true,
                    null,
                    "Node to fence: MAAS hostname, FQDN, or a name from hostname_map"),
            new Param(
                    NODENAME,
                    new String[] {"--nodename"},
                    "--nodename=[name]",
                    "string",
                    false,
                    null,
                    false,
                    false,
                    null,
                    "Name of the node being fenced (set by pacemaker; informational)"),
            Param.string(
                    URL,
                    "--url",
                    "url",
                    true,
                    "MAAS URL, e.g. http://maas.example:5240/MAAS (api/2.0/ is appended unless present)"),
            new Param(
                    API_KEY,
                    new String[0],
                    "api_key=[consumer:token:secret] (stdin only)",
                    "string",
                    false,
                    null,
                    false,
                    false,
                    null,
                    "MAAS API key consumer:token:secret. Never accepted on the command line; "
                            + "alternatives: api_key_file or the MAAS_API_KEY environment variable"),
            Param.string(API_KEY_FILE, "--api-key-file", "file", false, "File containing the MAAS API key"),
            Param.string(
                    HOSTNAME_MAP,
                    "--hostname-map",
                    "node:machine[;node:machine...]",
                    false,
                    "Explicit map from cluster node names to MAAS hostnames; unmapped nodes use their own name"),
            Param.flag(
                    MATCH_FQDN,
                    "--match-fqdn",
                    "Require the MAAS machine's FQDN to equal the node name when the node name is fully qualified"),
            Param.string(SSL_CA, "--ssl-ca", "file", false, "PEM file of the CA(s) that sign the MAAS certificate"),
            Param.flag(SSL_INSECURE, "--ssl-insecure", "Do not verify the MAAS TLS certificate (not recommended)"),
            Param.seconds(DELAY, "--delay", "0", "Wait X seconds before fencing is started (off and reboot only)"),
            Param.seconds(
                    POWER_TIMEOUT,
                    "--power-timeout",
                    "20",
                    "Test X seconds for MAAS to report the new power state after power_off/power_on; "
                            + "not confirmed in time is a failure"),
            Param.seconds(
                    POWER_WAIT,
                    "--power-wait",
                    "0",
                    "Wait X seconds after MAAS accepted power_off/power_on before the first power state query"),
            new Param(
                    STONITH_STATUS_SLEEP,
                    new String[] {"--stonith-status-sleep"},
                    "--stonith-status-sleep=[seconds]",
                    "second",
                    false,
                    "0.5",
                    false,
                    false,
                    POLL_INTERVAL,
                    "Sleep X seconds between power state queries (and before retrying a failed MAAS request)"),
            new Param(
                    POLL_INTERVAL,
                    new String[] {"--poll-interval"},
                    "--stonith-status-sleep=[seconds]",
                    "second",
                    false,
                    null,
                    false,
                    true,
                    null,
                    "Old name of stonith_status_sleep"),
            Param.seconds(
                    LOGIN_TIMEOUT, "--login-timeout", "5", "Wait X seconds for the connection to MAAS (TCP and TLS)"),
            new Param(
                    SHELL_TIMEOUT,
                    new String[] {"--shell-timeout"},
                    "--shell-timeout=[seconds]",
                    "second",
                    false,
                    "10",
                    false,
                    false,
                    REQUEST_TIMEOUT,
                    "Wait X seconds for MAAS to answer one request"),
            new Param(
                    REQUEST_TIMEOUT,
                    new String[] {"--request-timeout"},
                    "--shell-timeout=[seconds]",
                    "second",
                    false,
                    null,
                    false,
                    true,
                    null,
                    "Old name: sets shell_timeout, and login_timeout when that is not given"),
            new Param(
                    RETRIES,
                    new String[] {"--retries"},
                    "--retries=[count]",
                    "integer",
                    false,
                    "3",
                    false,
                    false,
                    null,
                    "Retries of a MAAS request after a 503, an unanswered request or a connection error"),
            new Param(
                    RETRY_ON,
                    new String[] {"--retry-on"},
                    "--retry-on=[attempts]",
                    "integer",
                    false,
                    "1",
                    false,
                    false,
                    null,
                    "Count of attempts to retry power on: the on action tries 1 + X times, "
                            + "the on half of reboot X times (at least once)"),
            new Param(
                    VERBOSE,
                    new String[] {"-v", "--verbose"},
                    "-v, --verbose",
                    "boolean",
                    true,
                    null,
                    false,
                    false,
                    null,
                    "Verbose mode: log each MAAS request (never the API key) on stderr"),
            new Param(
                    VERSION,
                    new String[] {"-V", "--version"},
                    "-V, --version",
                    "boolean",
                    true,
                    null,
                    false,
                    false,
                    null,
                    "Display version information and exit"),
            new Param(
                    HELP,
                    new String[] {"-h", "--help"},
                    "-h, --help",
                    "boolean",
                    true,
                    null,
                    false,
                    false,
                    null,
                    "Display help and exit"));

    private Params() {}

    public static Optional<Param> byName(String name) {
        for (Param param : ALL) {
            if (param.name().equals(name)) {
                return Optional.of(param);
            }
        }
        return Optional.empty();
    }
}
