package dev.instanceha.ops.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedTextTest {
    @Test
    void statusLinesNeverCarryLineBreaks() {
        assertEquals("bad value 'a b c d e' here", BoundedText.statusLine("bad value 'a\nb\r\nc\rd\u2028e' here"));
        assertEquals("tab and bell  x", BoundedText.statusLine("tab\tand bell\u0007 x"));
    }

    @Test
    void logLinesShowLineBreaksEscaped() {
        assertEquals("pw\\n[DEFAULT]\\ndebug=true", BoundedText.logLine("pw\n[DEFAULT]\r\ndebug=true"));
    }

    @Test
    void aLongValueIsCutToItsStartAndLength() {
        String value = "M".repeat(100_000);
        String status = BoundedText.statusLine("config 'ssl_ca' is not a certificate: '" + value + "'");
        assertEquals("config 'ssl_ca' is not a certificate: '" + "M".repeat(39) + "… (100002 chars)", status);
        String log = BoundedText.logLine("value " + value);
        assertTrue(log.length() < 600, log);
        assertTrue(log.endsWith("… (100000 chars)"), log);
    }

    @Test
    void manyShortWordsAreCutAsAWhole() {
        String status = BoundedText.statusLine("word ".repeat(10_000));
        assertTrue(status.length() <= BoundedText.STATUS_TOTAL, String.valueOf(status.length()));
        assertTrue(status.endsWith("… (50000 chars)"), status);
    }

    @Test
    void shortTextIsUnchanged() {
        String ready = "Unit is ready";
        assertEquals(ready, BoundedText.statusLine(ready));
        assertEquals(ready, BoundedText.logLine(ready));
        String trace = "java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)";
        assertEquals(trace, BoundedText.debugText(trace));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String word = "x".repeat(39) + "\uD83D\uDE00" + "y".repeat(100);
        String out = BoundedText.statusLine(word);
        assertFalse(Character.isHighSurrogate(out.charAt(out.indexOf('…') - 1)), out);
    }
}
