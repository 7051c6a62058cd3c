package dev.instanceha.masakari;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Repository lines an operator really writes are accepted as they are. */
class PackageOriginTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "deb http://archive.example/ubuntu jammy main",
                "deb [arch=amd64] https://10.5.0.9:8080/repo jammy-updates main universe|ABCDEF0123456789",
                "deb http://[fd00::9]/repo ./|0xABCDEF01",
                "deb file:/srv/repo ./"
            })
    void acceptsValidRepositoryLines(String line) {
        PackageOrigin origin = PackageOrigin.parse(line);
        assertEquals(PackageOrigin.Kind.DEB_LINE, origin.kind());
        assertEquals(line, origin.value());
    }
}
