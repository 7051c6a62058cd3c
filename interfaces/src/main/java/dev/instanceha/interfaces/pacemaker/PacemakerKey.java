package dev.instanceha.interfaces.pacemaker;

import dev.instanceha.ops.model.Secret;
import java.util.Base64;

/** The shared pacemaker authkey, base64 as hacluster's config and the relation carry it. */
public record PacemakerKey(String base64) {
    public PacemakerKey {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("pacemaker key must not be blank");
        }
        // Throws on bad input from our own config; peer data is checked before it gets here.
        if (Base64.getDecoder().decode(base64).length == 0) {
            throw new IllegalArgumentException("pacemaker key decodes to nothing");
        }
    }

    /** The bytes for /etc/pacemaker/authkey. */
    public byte[] bytes() {
        return Base64.getDecoder().decode(base64);
    }

    @Override
    public String toString() {
        return "PacemakerKey[" + Secret.of(base64) + "]"; // the mask every secret shows
    }
}
