package dev.instanceha.hacluster;

import dev.instanceha.interfaces.Net;
import dev.instanceha.ops.model.ConfigException;
import dev.instanceha.ops.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MAAS fencing settings: the API URL (goes into the CIB) and the API key (goes only into a
 * root-only file on each unit). Both or neither must be set.
 */
public record MaasSettings(String url, Secret apiKey, int powerTimeout) {
    /** consumer_key:token_key:token_secret, as MAAS prints it. */
    static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]+:[A-Za-z0-9]+:[A-Za-z0-9]+");

    public MaasSettings {
        if (!API_KEY.matcher(apiKey.reveal()).matches()) {
            throw new IllegalArgumentException("not a MAAS API key");
        }
    }

    /** From the options maas_url, maas_credentials and maas_power_timeout; empty when neither is set. */
    static Optional<MaasSettings> of(Optional<String> url, Optional<Secret> key, long timeout) {
        if (url.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (url.isEmpty()) {
            throw new ConfigException("maas_url", "is required when maas_credentials is set");
        }
        if (key.isEmpty()) {
            throw new ConfigException("maas_credentials", "is required when maas_url is set");
        }
        checkUrl(url.get());
        if (!API_KEY.matcher(key.get().reveal()).matches()) {
            throw new ConfigException("maas_credentials", "must be a MAAS API key consumer_key:token_key:token_secret");
        }
        if (timeout < 1 || timeout > 600) {
            throw new ConfigException("maas_power_timeout", "must be between 1 and 600 seconds");
        }
        return Optional.of(new MaasSettings(url.get(), key.get(), (int) timeout));
    }

    private static void checkUrl(String url) {
        String problem = "must be an http(s) URL such as http://maas.example:5240/MAAS";
        try {
            URI uri = new URI(url);
            boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && Net.isHost(uri.getHost().replaceAll("^\\[|\\]$", ""))
                    && uri.getUserInfo() == null
                    && uri.getQuery() == null
                    && uri.getFragment() == null
                    && url.chars().noneMatch(ch -> ch <= ' ' || ch == '"' || ch == '\'');
            if (!ok) {
                throw new ConfigException("maas_url", problem);
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("maas_url", problem);
        }
    }
}
