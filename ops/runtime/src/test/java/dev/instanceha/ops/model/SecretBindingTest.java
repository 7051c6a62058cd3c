package dev.instanceha.ops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Secret component of a config record is registered with the redactor as it is bound. */
class SecretBindingTest {
    record Options(
            @JsonProperty("maas-api-key") Secret apiKey,
            @JsonProperty("region") String region) {}

    @Test
    void secretComponentsAreRegisteredStrippedAndMasked() {
        List<String> registered = new ArrayList<>();
        Options options = new CharmConfig(
                        ConfigSchema.empty(),
                        Map.of("maas-api-key", " abc:def:ghi\n", "region", "RegionOne"),
                        registered::add)
                .as(Options.class);
        assertEquals("abc:def:ghi", options.apiKey().reveal());
        assertEquals(List.of("abc:def:ghi"), registered, "only the secret, as it is used");
        assertFalse(options.toString().contains("abc:def:ghi"), options.toString());
    }

    @Test
    void aBlankOrMissingSecretIsUnset() {
        List<String> registered = new ArrayList<>();
        assertNull(new CharmConfig(ConfigSchema.empty(), Map.of("maas-api-key", "  "), registered::add)
                .as(Options.class)
                .apiKey());
        assertNull(new CharmConfig(ConfigSchema.empty(), Map.of(), registered::add)
                .as(Options.class)
                .apiKey());
        assertEquals(List.of(), registered);
    }
}
