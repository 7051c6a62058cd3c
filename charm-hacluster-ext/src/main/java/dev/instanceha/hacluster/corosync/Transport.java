package dev.instanceha.hacluster.corosync;

import java.util.Locale;
import java.util.Optional;

/** Corosync transports; the upstream charm's names (unicast, multicast) are accepted too. */
public enum Transport {
    /** Corosync 3's native transport; the only one that encrypts (with the authkey). */
    KNET("knet"),
    /** UDP unicast; unencrypted in corosync 3. */
    UDPU("udpu"),
    /** UDP multicast; unencrypted in corosync 3. */
    UDP("udp");

    private final String corosyncName;

    Transport(String corosyncName) {
        this.corosyncName = corosyncName;
    }

    public String corosyncName() {
        return corosyncName;
    }

    public boolean encrypts() {
        return this == KNET;
    }

    public static Optional<Transport> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "knet" -> Optional.of(KNET);
            case "unicast", "udpu" -> Optional.of(UDPU);
            case "multicast", "udp" -> Optional.of(UDP);
            default -> Optional.empty();
        };
    }
}
