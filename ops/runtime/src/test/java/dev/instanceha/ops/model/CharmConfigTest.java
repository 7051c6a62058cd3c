package dev.instanceha.ops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharmConfigTest {
    static final String CONFIG_YAML = """
            options:
              region: {type: string, default: RegionOne, description: region}
              debug: {type: boolean, default: false}
              worker-multiplier: {type: float, description: no default}
              api-port: {type: int, default: 15868}
              vip: {type: string}
              maas-api-key: {type: string, default: ""}
            """;

    static ConfigSchema schema() {
        return ConfigSchema.parse(new ByteArrayInputStream(CONFIG_YAML.getBytes(StandardCharsets.UTF_8)), "test");
    }

    enum Mode {
        ACTIVE,
        PASSIVE
    }

    record Typed(
            String region,
            boolean debug,
            @JsonProperty("api-port") int apiPort,
            @JsonProperty("worker-multiplier") Double workerMultiplier,
            Mode mode) {}

    @Test
    void schemaReadsTypesAndDefaults() {
        ConfigSchema schema = schema();
        assertEquals(
                ConfigSchema.Type.FLOAT,
                schema.options().get("worker-multiplier").type());
        assertEquals(15868, schema.options().get("api-port").defaultValue());
        assertEquals(null, schema.options().get("vip").defaultValue());
    }

    @Test
    void unknownTypeInConfigYamlIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigSchema.parse(
                        new ByteArrayInputStream("options:\n  x: {type: list}\n".getBytes(StandardCharsets.UTF_8)),
                        "c.yaml"));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("list"), e.getMessage());
    }

    /** A long-valued option, to show numbers of any size are refused, never wrapped. */
    record Wide(@JsonProperty("api-port") long apiPort) {}

    /** A secret-named option bound as a number, to show a bad value is never echoed. */
    record KeyAsNumber(@JsonProperty("maas-api-key") int key) {}

    @Test
    void jujuValuesOverrideDefaults() {
        Typed config = new CharmConfig(schema(), Map.of("region", "RegionTwo", "debug", true)).as(Typed.class);
        assertEquals("RegionTwo", config.region());
        assertTrue(config.debug());
        assertEquals(15868, config.apiPort());
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> new CharmConfig(schema(), Map.of("api-port", "http")).as(Typed.class));
        assertEquals("api-port", e.key());
        assertEquals("config 'api-port' must be a whole number, not 'http'", e.getMessage());
        assertEquals(
                "debug",
                assertThrows(
                                ConfigException.class,
                                () -> new CharmConfig(schema(), Map.of("debug", "yes")).as(Typed.class))
                        .key());
        assertEquals(
                "worker-multiplier",
                assertThrows(
                                ConfigException.class,
                                () -> new CharmConfig(schema(), Map.of("worker-multiplier", "x")).as(Typed.class))
                        .key());
    }

    @Test
    void integersBeyondSixtyFourBitsOrWithAFractionAreConfigErrors() {
        for (Object value : new Object[] {new java.math.BigInteger("18446744073709551617")}) {
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> new CharmConfig(schema(), Map.of("api-port", value)).as(Wide.class),
                    String.valueOf(value));
            assertEquals("api-port", e.key());
            assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        }
        for (Object value : new Object[] {1.5, "1.5", "12abc", true, "99999999999999999999"}) {
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> new CharmConfig(schema(), Map.of("api-port", value)).as(Wide.class),
                    String.valueOf(value));
            assertEquals("api-port", e.key());
            assertTrue(e.getMessage().contains("must be a whole number"), e.getMessage());
        }
        assertEquals(
                4_294_967_297L,
                new CharmConfig(schema(), Map.of("api-port", 4_294_967_297L))
                        .as(Wide.class)
                        .apiPort());
        assertEquals(
                Long.MIN_VALUE,
                new CharmConfig(schema(), Map.of("api-port", Long.MIN_VALUE))
                        .as(Wide.class)
                        .apiPort());
    }

    @Test
    void boundRecordsRefuseIntegersThatDoNotFitTheirField() {
        for (Object value : new Object[] {4_294_967_297L, 2_147_483_648L, 1.5}) {
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> new CharmConfig(schema(), Map.of("api-port", value)).as(Typed.class),
                    String.valueOf(value));
            assertEquals("api-port", e.key(), e.getMessage());
            assertTrue(
                    e.getMessage().contains(value instanceof Long ? "out of range" : "whole number"), e.getMessage());
        }
    }

    @Test
    void bindsToARecord() {
        CharmConfig config = new CharmConfig(schema(), Map.of("worker-multiplier", 0.5));
        Typed typed = config.as(Typed.class);
        assertEquals(new Typed("RegionOne", false, 15868, 0.5, null), typed);
    }

    @Test
    void recordBindingErrorsNameTheKey() {
        CharmConfig config = new CharmConfig(schema(), Map.of("api-port", "abc"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.as(Typed.class));
        assertEquals("api-port", e.key());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        CharmConfig badEnum = new CharmConfig(ConfigSchema.empty(), Map.of("mode", "sideways"));
        ConfigException enumError = assertThrows(ConfigException.class, () -> badEnum.as(Typed.class));
        assertEquals("mode", enumError.key());
        assertTrue(enumError.getMessage().contains("[active, passive]"), enumError.getMessage());
    }

    @Test
    void boundBooleansRefuseNumbers() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> new CharmConfig(schema(), Map.of("debug", 1)).as(Typed.class));
        assertEquals("debug", e.key());
        assertTrue(e.getMessage().contains("must be true or false"), e.getMessage());
        assertTrue(
                new CharmConfig(schema(), Map.of("debug", "true"))
                        .as(Typed.class)
                        .debug(),
                "Juju's text form is fine");
    }

    @Test
    void secretValuesAreNeverEchoed() {
        CharmConfig config = new CharmConfig(schema(), Map.of("maas-api-key", "abc:def:ghi"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.as(KeyAsNumber.class));
        assertEquals("maas-api-key", e.key());
        assertFalse(e.getMessage().contains("abc:def:ghi"), e.getMessage());
    }
}
