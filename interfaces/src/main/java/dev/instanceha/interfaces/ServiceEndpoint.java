package dev.instanceha.interfaces;

import java.util.Objects;

/** protocol://host:port as published by keystone (service_*, auth_*, credentials_*). */
public record ServiceEndpoint(String protocol, String host, int port) {
    public ServiceEndpoint {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
    }

    /** The base URL, with IPv6 literals bracketed. */
    public String url() {
        return protocol + "://" + Net.urlHost(host) + ":" + port;
    }

    /** Protocols keystone writes; anything else is a malformed value. */
    public static boolean isProtocol(String p) {
        return "http".equals(p) || "https".equals(p);
    }
}
