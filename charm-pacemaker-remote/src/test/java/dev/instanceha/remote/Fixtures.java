package dev.instanceha.remote;

import dev.instanceha.ops.host.FileSpec;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Machines and relation data as this charm meets them (research: anchor-charms.md §4.3; Debian's
 * pacemaker-remote 2.1.5 ships /lib/systemd/system/pacemaker_remote.service and
 * /etc/init.d/pacemaker_remote). hacluster sends pacemaker-key raw base64, not JSON.
 */
final class Fixtures {
    static final String FQDN = "compute-1.maas";
    static final String ADDRESS = "10.5.1.7";
    /** What /etc/pacemaker/authkey must hold. */
    static final String KEY_TEXT = "Zq8LrT2vXn5Wb7Kc-authkey-material";

    static final String KEY = base64(KEY_TEXT);
    static final String OTHER_KEY_TEXT = "Hp3Jd9Sx1Mq6Vf4Ng-rotated-material";
    static final String OTHER_KEY = base64(OTHER_KEY_TEXT);
    static final Path INIT_SCRIPT = Path.of("/etc/init.d/pacemaker_remote");
    static final Path SYSTEMD_UNIT = Path.of("/lib/systemd/system/pacemaker_remote.service");

    private Fixtures() {}

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Debian without systemd as PID 1 (containers, the lab): the init script runs the daemon. */
    static FakeHost debianHost() {
        return new FakeHost()
                .withServiceManager("sysvinit")
                .withFile(INIT_SCRIPT, "#!/bin/sh\n", FileSpec.root(0755))
                .onCommand("hostname --fqdn", 0, FQDN + "\n");
    }

    /** Ubuntu (or Debian) under systemd: the package's pacemaker_remote unit. */
    static FakeHost ubuntuHost() {
        return new FakeHost()
                .withServiceManager("systemd")
                .withFile(SYSTEMD_UNIT, "[Unit]\n", FileSpec.root(0644))
                .onCommand("hostname --fqdn", 0, FQDN + "\n");
    }

    static Map<String, String> addresses(String ip) {
        return RelationState.addressKeys(ip);
    }

    /** The container-scoped relation to the principal; Juju publishes only its address keys. */
    static RelationState principal() {
        return RelationState.of("juju-info", 1, "nova-compute").withRemoteUnit("nova-compute/0", addresses(ADDRESS));
    }

    /** The pacemaker-remote relation with one hacluster unit per key (null: that unit sent none yet). */
    static RelationState hacluster(String... keys) {
        RelationState relation = RelationState.of("pacemaker-remote", 7, "hacluster");
        for (int i = 0; i < keys.length; i++) {
            Map<String, String> data = addresses("10.5.0." + (10 + i));
            if (keys[i] != null) {
                data.put("pacemaker-key", keys[i]);
            }
            relation = relation.withRemoteUnit("hacluster/" + i, data);
        }
        return relation;
    }

    /** A unit attached to nova-compute and related to a three-unit cluster that sent the key. */
    static State related() {
        return State.of("pacemaker-remote/0")
                .withAddress(ADDRESS)
                .withRelation(principal())
                .withRelation(hacluster(KEY, KEY, KEY));
    }
}
