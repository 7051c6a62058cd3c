package dev.instanceha.ops.client;

import java.util.Objects;

/**
 * Keystone v3 password credentials scoped to a project. {@link #toString()} never shows the password.
 *
 * @param authUrl Keystone's URL, with or without {@code /v3}
 */
public record KeystoneCredentials(String authUrl, Ref user, String password, Ref project) {

    public KeystoneCredentials {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
    }

    /**
     * A user, project or domain: by id, or by name within a domain (users and projects only).
     * Keystone's own default domain is {@link #DEFAULT_DOMAIN}.
     */
    public record Ref(String id, String name, Ref domain) {
        public static final Ref DEFAULT_DOMAIN = byId("default");

        public static Ref byId(String id) {
            return new Ref(Objects.requireNonNull(id, "id"), null, null);
        }

        public static Ref byName(String name, Ref domain) {
            return new Ref(null, Objects.requireNonNull(name, "name"), Objects.requireNonNull(domain, "domain"));
        }

        /** A domain by name. */
        public static Ref domainNamed(String name) {
            return new Ref(null, Objects.requireNonNull(name, "name"), null);
        }

        @Override
        public String toString() {
            return id != null ? "id:" + id : name + (domain == null ? "" : "@" + domain);
        }
    }

    @Override
    public String toString() {
        return "KeystoneCredentials[" + authUrl + ", user " + user + ", project " + project + ", password ***]";
    }
}
