package dev.instanceha.monitors;

import dev.instanceha.interfaces.identity.KeystoneFixtures;
import dev.instanceha.interfaces.tls.TlsFixtures;
import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Machines and relation data as this charm meets them. Debian 12's masakari-host-monitor 14.0.0
 * ships /lib/systemd/system/masakari-host-monitor.service and /etc/init.d/masakari-host-monitor
 * (read from the package); keystone's answer is the interfaces test-jar's (KeystoneFixtures).
 */
final class Fixtures {
    static final Path CHARM = Path.of("src/main/charm");
    static final String FQDN = "compute-1.maas";
    static final String PASSWORD = KeystoneFixtures.CREDENTIALS_PASSWORD;
    static final String OTHER_PASSWORD = "Zt5vQ1nB8mK3xR7cW2pL9sD4fH6jG0aE";
    static final String JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64";
    /** A real CA certificate (throwaway, made with openssl for these tests). */
    static final String CA_PEM = TlsFixtures.CA;

    static final Path SHIPPED = CHARM.toAbsolutePath().resolve("hostmonitor");

    private Fixtures() {}

    /** Debian under systemd with the java monitor shipped in the charm and no monitor package yet. */
    static FakeHost debianHost() {
        return debianHost(0);
    }

    /** @param fqdnExit what {@code hostname --fqdn} exits with (non-zero: the machine cannot name itself) */
    static FakeHost debianHost(int fqdnExit) {
        return new FakeHost()
                .withServiceManager("systemd")
                .onCommand("hostname --fqdn", fqdnExit, fqdnExit == 0 ? FQDN + "\n" : "")
                .withFile(SHIPPED.resolve("masakari-hostmonitor.jar"), "PK-jar", FileSpec.root(0644))
                .withFile(SHIPPED.resolve("masakari-hostmonitor-java"), "#!/bin/sh\n", FileSpec.root(0755))
                .withFile(SHIPPED.resolve("masakari-hostmonitor-java.service"), "[Unit]\n", FileSpec.root(0644))
                .withFile(Path.of("/lib/systemd/system/masakari-host-monitor.service"), "[Unit]\n", FileSpec.root(0644))
                .withFile(Path.of("/etc/init.d/masakari-host-monitor"), "#!/bin/sh\n", FileSpec.root(0755))
                .withFile(
                        Path.of("/lib/systemd/system/masakari-instance-monitor.service"),
                        "[Unit]\n",
                        FileSpec.root(0644))
                .withFile(Path.of("/etc/init.d/masakari-instance-monitor"), "#!/bin/sh\n", FileSpec.root(0755))
                .withFile(
                        Path.of("/lib/systemd/system/masakari-process-monitor.service"),
                        "[Unit]\n",
                        FileSpec.root(0644))
                .withFile(Path.of("/etc/init.d/masakari-process-monitor"), "#!/bin/sh\n", FileSpec.root(0755));
    }

    static Map<String, String> addresses(String ip) {
        return RelationState.addressKeys(ip);
    }

    static RelationState principal() {
        return RelationState.of("container", 1, "nova-compute").withRemoteUnit("nova-compute/0", addresses("10.5.1.7"));
    }

    static RelationState keystone(Map<String, String> data) {
        return RelationState.of("identity-credentials", 4, "keystone").withRemoteUnit("keystone/0", data);
    }

    static RelationState keystone() {
        return keystone(KeystoneFixtures.identityCredentials(PASSWORD));
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static State related() {
        return State.of("masakari-monitors/0").withRelation(principal()).withRelation(keystone());
    }
}
