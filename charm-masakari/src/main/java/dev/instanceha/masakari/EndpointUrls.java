package dev.instanceha.masakari;

import dev.instanceha.ops.model.Model;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The three URLs masakari registers in Keystone. Each uses, in order: the configured
 * os-*-hostname, the VIP once hacluster reports the cluster up, or this unit's address on the
 * matching binding.
 */
public record EndpointUrls(String publicUrl, String internalUrl, String adminUrl) {
    static final String PATH = "/v1/%(tenant_id)s";

    public static EndpointUrls of(Model model, MasakariConfig config, boolean clustered, boolean tls) {
        String scheme = tls ? "https" : "http";
        Optional<String> vip = clustered ? config.vips().stream().findFirst() : Optional.empty();
        String publicHost = config.hostnames().publicName().or(() -> vip).orElseGet(() -> model.unitAddress("public"));
        String internalHost =
                config.hostnames().internalName().or(() -> vip).orElseGet(() -> model.unitAddress("internal"));
        String adminHost = config.hostnames().adminName().or(() -> vip).orElseGet(() -> model.unitAddress("admin"));
        return new EndpointUrls(url(scheme, publicHost), url(scheme, internalHost), url(scheme, adminHost));
    }

    /**
     * Every name a client may use to reach the API, whether or not the cluster is up yet: the
     * certificate must not change (and be re-issued) when hacluster reports clustered.
     */
    public static List<String> certificateNames(Model model, MasakariConfig config) {
        Set<String> names = new LinkedHashSet<>();
        config.hostnames().publicName().ifPresent(names::add);
        names.add(model.unitAddress("public"));
        config.hostnames().internalName().ifPresent(names::add);
        names.add(model.unitAddress("internal"));
        config.hostnames().adminName().ifPresent(names::add);
        names.add(model.unitAddress("admin"));
        names.addAll(config.vips());
        return List.copyOf(names);
    }

    private static String url(String scheme, String host) {
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + bracketed + ":" + ApiServer.PORT + PATH;
    }
}
