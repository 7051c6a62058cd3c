package dev.instanceha.masakari;

import dev.instanceha.ops.model.Secret;
import java.util.Optional;

/** The API's certificate (with chain) and key, and the CA clients should trust. */
public record TlsMaterial(String certPem, Secret keyPem, Optional<String> chainPem, Optional<String> caPem) {
    /** Server certificate followed by its chain, as uwsgi and apache read one file. */
    public String fullChainPem() {
        return certPem.strip() + "\n"
                + chainPem.map(chain -> chain.strip() + "\n").orElse("");
    }
}
