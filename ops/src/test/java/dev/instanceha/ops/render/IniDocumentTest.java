package dev.instanceha.ops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IniDocumentTest {
    @Test
    void rendersSectionsInOrderAndLeavesOutUnsetValues() {
        IniDocument ini = new IniDocument("Managed by Juju\nDo not edit");
        ini.section("DEFAULT").put("debug", false).put("region", "RegionOne").put("unset", null)
                .putIfPresent("maybe", Optional.empty()).put("port", 15868);
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ini.section("database").put("connection", "a\n[DEFAULT]\ndebug = True"));
        assertEquals("[database] connection would span lines", e.getMessage());
    }
}
