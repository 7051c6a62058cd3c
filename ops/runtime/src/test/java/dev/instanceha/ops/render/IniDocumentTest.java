package dev.instanceha.ops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IniDocumentTest {
    @Test
    void rendersSectionsInOrderAndLeavesOutUnsetValues() {
        IniDocument ini = new IniDocument("Managed by Juju\nDo not edit");
        ini.section("DEFAULT")
                .put("debug", false)
                .put("region", "RegionOne")
                .put("unset", null)
                .putIfPresent("maybe", Optional.empty())
                .put("port", 15868);
        ini.section("database").put("connection", "mysql+pymysql://u:p@h/db");
        ini.section("DEFAULT").putIfPresent("later", Optional.of("yes"));
        assertEquals("""
                # Managed by Juju
                # Do not edit

                [DEFAULT]
                debug = False
                region = RegionOne
                port = 15868
                later = yes

                [database]
                connection = mysql+pymysql://u:p@h/db
                """, ini.render());
    }

    @Test
    void refusesValuesThatWouldInjectLines() {
        IniDocument ini = new IniDocument("x");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ini.section("database").put("connection", "a\n[DEFAULT]\ndebug = True"));
        assertEquals("[database] connection would span lines", e.getMessage());
    }

    @Test
    void spellsValuesSoOsloConfigReadsThemUnchanged() {
        assertEquals("pa$$word", IniDocument.osloValue("api", "password", "pa$word"));
        assertEquals("\"\"quoted\"\"", IniDocument.osloValue("api", "password", "\"quoted\""));
        assertEquals("\"'\"", IniDocument.osloValue("api", "password", "'"));
        assertEquals("\" padded \"", IniDocument.osloValue("api", "password", " padded "));
        assertEquals("in\"side and 'in' side", IniDocument.osloValue("api", "password", "in\"side and 'in' side"));
        assertEquals("%s\\", IniDocument.osloValue("api", "password", "%s\\"));
        assertEquals("", IniDocument.osloValue("api", "password", ""));
        IniDocument ini = new IniDocument("x");
        ini.section("api").put("password", "$'x'");
        assertEquals("# x\n\n[api]\npassword = \"$$'x'\"\n", ini.render());
    }
}
