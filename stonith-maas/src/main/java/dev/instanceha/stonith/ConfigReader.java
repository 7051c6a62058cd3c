package dev.instanceha.stonith;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Turns raw name=value parameters (from stdin or argv) into an {@link AgentConfig}. */
public final class ConfigReader {
    private final Function<String, String> env;
    private final Diagnostics diagnostics;

    public ConfigReader(Function<String, String> env, Diagnostics diagnostics) {
        this.env = env;
        this.diagnostics = diagnostics;
    }

    /** The action alone, so metadata works even when everything else is wrong. */
    public Action action(Map<String, String> raw) throws BadParameterException {
        return Action.parse(raw.getOrDefault(Params.ACTION, "reboot"));
    }

    public AgentConfig read(Map<String, String> raw) throws BadParameterException {
        Action action = action(raw);
        boolean verbose = bool(raw, Params.VERBOSE);
        String plug = raw.getOrDefault(Params.PLUG, raw.get(Params.PORT));
        if (plug != null && plug.isBlank()) {
            plug = null;
        }
        if (action.needsPlug() && plug == null) {
            throw new BadParameterException(Params.PLUG, "required for action " + action.wireName());
        }
        URI apiRoot = null;
        ApiKey key = null;
        if (action.needsMaas()) {
            apiRoot = apiRoot(require(raw, Params.URL));
            key = apiKey(raw);
        }
        Path ca = raw.containsKey(Params.SSL_CA) ? Path.of(raw.get(Params.SSL_CA)) : null;
        if (ca != null && !Files.isReadable(ca)) {
            throw new BadParameterException(Params.SSL_CA, "file " + ca + " is not readable");
        }
        Duration answerTimeout = secondsOrOldName(raw, Params.SHELL_TIMEOUT, Params.REQUEST_TIMEOUT, 0.1);
        // request_timeout used to limit the connection too; it still does unless login_timeout is given.
        Duration connectTimeout = raw.containsKey(Params.LOGIN_TIMEOUT) || !raw.containsKey(Params.REQUEST_TIMEOUT)
                ? seconds(raw, Params.LOGIN_TIMEOUT, 0.1)
                : answerTimeout;
        return new AgentConfig(
                action,
                plug,
                apiRoot,
                key,
                HostMap.parse(raw.get(Params.HOSTNAME_MAP)),
                bool(raw, Params.MATCH_FQDN),
                ca,
                bool(raw, Params.SSL_INSECURE),
                seconds(raw, Params.DELAY, 0),
                seconds(raw, Params.POWER_TIMEOUT, 0.1),
                seconds(raw, Params.POWER_WAIT, 0),
                secondsOrOldName(raw, Params.STONITH_STATUS_SLEEP, Params.POLL_INTERVAL, 0.05),
                connectTimeout,
                answerTimeout,
                integer(raw, Params.RETRIES),
                integer(raw, Params.RETRY_ON),
                verbose);
    }

    /** A parameter that replaced an older name: either may be given, but not both with different values. */
    private static Duration secondsOrOldName(Map<String, String> raw, String name, String oldName, double minimum)
            throws BadParameterException {
        if (!raw.containsKey(oldName)) {
            return seconds(raw, name, minimum);
        }
        Duration old = seconds(oldName, raw.get(oldName), minimum);
        if (raw.containsKey(name) && !seconds(raw, name, minimum).equals(old)) {
            throw new BadParameterException(
                    name, "given together with its old name " + oldName + " and a different value; set only " + name);
        }
        return old;
    }

    private ApiKey apiKey(Map<String, String> raw) throws BadParameterException {
        String text = raw.get(Params.API_KEY);
        if (text == null && raw.containsKey(Params.API_KEY_FILE)) {
            Path file = Path.of(raw.get(Params.API_KEY_FILE));
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new BadParameterException(
                        Params.API_KEY_FILE,
                        "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (text == null) {
            text = env.apply(Params.API_KEY_ENV);
        }
        if (text == null || text.isBlank()) {
            throw new BadParameterException(
                    Params.API_KEY, "missing: pass api_key on stdin, api_key_file, or set " + Params.API_KEY_ENV);
        }
        diagnostics.addSecret(text);
        return ApiKey.parse(text);
    }

    /** libmaas's rule: append api/2.0/ unless the path already ends in /api/&lt;version&gt;/. */
    static URI apiRoot(String url) throws BadParameterException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new BadParameterException(Params.URL, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new BadParameterException(Params.URL, "must be http(s)://host[:port]/MAAS");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (!path.endsWith("/")) {
            path += "/";
        }
        if (!path.matches(".*/api/[0-9.]+/$")) {
            path += "api/2.0/";
        }
        return uri.resolve(path);
    }

    private static String require(Map<String, String> raw, String name) throws BadParameterException {
        String value = raw.get(name);
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, "required");
        }
        return value;
    }

    /** A flag such as help or version: set unless given as 0/false/no/off (or not at all). */
    static boolean flagSet(Map<String, String> raw, String name) {
        String value = raw.get(name);
        return value != null
                && switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "0", "false", "no", "off" -> false;
                    default -> true;
                };
    }

    private static boolean bool(Map<String, String> raw, String name) throws BadParameterException {
        String value = raw.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new BadParameterException(name, "not a boolean");
        };
    }

    private static Duration seconds(Map<String, String> raw, String name, double minimum) throws BadParameterException {
        return seconds(
                name, raw.getOrDefault(name, Params.byName(name).orElseThrow().defaultValue()), minimum);
    }

    private static Duration seconds(String name, String value, double minimum) throws BadParameterException {
        try {
            double s = Double.parseDouble(value.strip());
            if (!(s >= minimum) || s > 86_400) {
                throw new BadParameterException(name, "must be between " + minimum + " and 86400 seconds");
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "not a number of seconds");
        }
    }

    private static int integer(Map<String, String> raw, String name) throws BadParameterException {
        String value = raw.getOrDefault(name, Params.byName(name).orElseThrow().defaultValue());
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0 || n > 100) {
                throw new BadParameterException(name, "must be between 0 and 100");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "not an integer");
        }
    }
}
