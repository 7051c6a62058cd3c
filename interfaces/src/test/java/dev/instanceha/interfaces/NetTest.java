package dev.instanceha.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.5.0.10",
                "keystone.maas",
                "compute-1.maas",
                "fd00::1",
                "2001:db8::10",
                "::1",
                "1:2:3:4:5:6:7:8",
                "::ffff:10.0.0.1",
                "juju-abc123-0-lxd-2",
                "host.example."
            })
    void acceptsHosts(String host) {
        assertTrue(Net.isHost(host), host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "bad host",
                "host\nname",
                "kéystone.example",
                "a..b",
                "-lead.example",
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                "http://x",
                "x;rm -rf"
            })
    void rejectsNonHosts(String host) {
        assertFalse(Net.isHost(host), host);
    }

    @Test
    void bracketsIpv6InUrls() {
        assertEquals("[fd00::1]", Net.urlHost("fd00::1"));
        assertEquals("10.0.0.1", Net.urlHost("10.0.0.1"));
        assertEquals("rabbit.maas", Net.urlHost("rabbit.maas"));
    }

    @Test
    void parsesPortsStrictly() {
        assertEquals(5672, Net.parsePort("5672"));
        assertNull(Net.parsePort("0"));
        assertNull(Net.parsePort("65536"));
        assertNull(Net.parsePort("-1"));
        assertNull(Net.parsePort("5672 "));
        assertNull(Net.parsePort("１２３"));
    }

    @Test
    void percentEncodesReservedAndUnicode() {
        assertEquals("p%40ss%3Aw%2Frd", Net.percentEncode("p@ss:w/rd"));
        assertEquals("%C3%A9", Net.percentEncode("é"));
        assertEquals("abc-._~", Net.percentEncode("abc-._~"));
    }
}
