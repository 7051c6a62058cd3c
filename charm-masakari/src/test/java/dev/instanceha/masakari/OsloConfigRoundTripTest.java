package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.instanceha.ops.model.Status;
import dev.instanceha.ops.render.IniDocument;
import dev.instanceha.ops.testing.CharmTestContext;
import dev.instanceha.ops.testing.Event;
import dev.instanceha.ops.testing.FakeHost;
import dev.instanceha.ops.testing.OsloConfig;
import dev.instanceha.ops.testing.RelationState;
import dev.instanceha.ops.testing.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What we render is what an OpenStack service reads: checked with the real oslo.config parser. */
class OsloConfigRoundTripTest {
    /** Values oslo.config would otherwise interpolate, strip, unquote or misread. */
    static final List<String> HOSTILE = List.of(
            "pa\"ss",
            "\"quoted\"",
            "'single'",
            "\"",
            "'",
            "\"mixed'",
            "''",
            "\"\"",
            "$",
            "$$",
            "pw$word",
            "${debug}",
            "$debug",
            "$(whoami)",
            "ends$",
            "%s%%%(x)s",
            "\\",
            "C:\\path\\",
            "back\\nslash",
            " leading",
            "trailing ",
            "  ",
            "\ttab",
            "\u00a0nbsp\u00a0",
            "ünïcødé 密码 🔑",
            "#not-a-comment",
            ";semi",
            "[DEFAULT]",
            "debug = true",
            "a=b:c",
            "key: value",
            "",
            "x".repeat(10_000));

    @TempDir
    Path dir;

    @Test
    void everyHostileValueReadsBackByteIdenticalAndAddsNoKey() throws Exception {
        IniDocument ini = new IniDocument("round trip");
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String section : List.of("DEFAULT", "keystone_authtoken")) {
            IniDocument.Section s = ini.section(section);
            for (int i = 0; i < HOSTILE.size(); i++) {
                s.put("value_" + i, HOSTILE.get(i));
                keys.computeIfAbsent(section, k -> new java.util.ArrayList<>()).add("value_" + i);
            }
        }
        Path file = dir.resolve("hostile.conf");
        Files.write(file, ini.bytes());

        OsloConfig.Read read = OsloConfig.read(file, keys);
        for (String section : keys.keySet()) {
            assertEquals(
                    keys.get(section).stream().sorted().toList(),
                    read.keys().get(section),
                    "no extra or missing key in [" + section + "]");
            for (int i = 0; i < HOSTILE.size(); i++) {
                assertEquals(
                        HOSTILE.get(i), read.values().get(section).get("value_" + i), "[" + section + "] value_" + i);
            }
        }
        assertEquals(keys.keySet(), read.keys().keySet(), "no extra section");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pw\n[DEFAULT]\ndebug=true", "pw\r[DEFAULT]\rdebug=true", "pw\r\n debug", "pw\n"})
    void valuesWithLineBreaksAreRefusedNamingTheKey(String value) {
        IniDocument ini = new IniDocument("x");
        IniDocument.UnrepresentableValueException e = assertThrows(
                IniDocument.UnrepresentableValueException.class,
                () -> ini.section("api").put("password", value));
        assertEquals("api", e.section());
        assertEquals("password", e.key());
        assertEquals(false, e.getMessage().contains("pw"), "the message never holds the value");
    }

    @Test
    void keystonePasswordWithDollarAndQuotesReachesMasakariUnchanged() throws Exception {
        String password = "'$ecret\"pw$$%s\\'";
        RelationState keystone = Peers.keystone();
        Map<String, String> data =
                new LinkedHashMap<>(keystone.remoteUnitsData().get("keystone/0"));
        data.put("service_password", password);
        FakeHost host = MasakariCharmTest.debianHost();
        Result out = new CharmTestContext(MasakariCharm::new, MasakariCharmTest.CHARM)
                .run(
                        Event.configChanged(),
                        MasakariCharmTest.related(true)
                                .withoutRelation(keystone.id())
                                .withRelation(keystone.withRemoteUnit("keystone/0", data)),
                        host);
        assertEquals(Status.active("Unit is ready"), out.unitStatus());
        Path file = dir.resolve("masakari.conf");
        Files.write(file, host.file(MasakariConfFile.PATH).orElseThrow().content());

        OsloConfig.Read read = OsloConfig.read(
                file,
                Map.of(
                        "DEFAULT", List.of("os_privileged_user_password", "debug"),
                        "keystone_authtoken", List.of("password")));
        assertEquals(password, read.values().get("keystone_authtoken").get("password"));
        assertEquals(password, read.values().get("DEFAULT").get("os_privileged_user_password"));
        assertEquals("False", read.values().get("DEFAULT").get("debug"));
    }
}
