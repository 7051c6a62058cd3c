package dev.instanceha.ops.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShownTest {
    @Test
    void shortValuesAreQuoted() {
        assertEquals("'RegionOne'", Shown.value("RegionOne"));
        assertEquals("unset", Shown.value(null));
    }

    @Test
    void lineBreaksAndControlsStayOnOneLine() {
        assertEquals("'a\\nb\\r\\tc\\u0000'", Shown.value("a\nb\r\tc\0"));
    }

    @Test
    void longValuesAreCutAndTheirLengthSaid() {
        String shown = Shown.value("x".repeat(100_000));
        assertEquals("'" + "x".repeat(40) + "…' (100000 characters)", shown);
    }
}
